/**
 * Immutable, validated configuration records, loaded from YAML; secrets only by reference (environment or file)
 * and redacted wherever configuration is printed. Depends on nothing else of ours.
 * <p>
 * {@link io.deltahedger.config.ConfigLoader} reads one file into a {@link io.deltahedger.config.DeltahedgerConfig}
 * or throws a {@link io.deltahedger.config.ConfigException} listing every problem (key path, line, value, fix). The
 * settings live by concept: {@code venue} (accounts and endpoints), {@code book} (the options book), {@code policy}
 * (underlyings, hedge instruments, bands), {@code engine} (margin, execution, pipeline), {@code daemon} (journal,
 * control plane, logging), {@code secret} and {@code time} (durations, clocks). docs/configuration.md lists every key.
 */
package io.deltahedger.config;
