/**
 * Fast start: Spring AOT's generated bean definitions, used only while the configuration
 * that decided them at build time is still the configuration at run time.
 */
@NullMarked
package io.wharf.startup;

import org.jspecify.annotations.NullMarked;
