/**
 * Immutable, validated configuration records, loaded from YAML; secrets only by reference (environment or file)
 * and redacted wherever configuration is printed. Depends on nothing else of ours.
 */
package io.deltahedger.config;
