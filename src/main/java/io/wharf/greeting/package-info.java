/**
 * The greeting conversation: welcome, name prompt, hello, farewell.
 */
@NullMarked
package io.wharf.greeting;

import org.jspecify.annotations.NullMarked;
