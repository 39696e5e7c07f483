/** Instrument specifications, exact decimal grids, canonical ids and the dense-index registry. */
package io.deltahedger.venues.instrument;
