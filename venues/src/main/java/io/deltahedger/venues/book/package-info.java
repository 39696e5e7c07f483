/** The allocation-free L2 order book on the tick grid, with sequence-gap and crossed-book detection. */
package io.deltahedger.venues.book;
