/** Small shared utilities of the bank domain: argument checks with field-naming messages. */
package io.finrec.core.util;
