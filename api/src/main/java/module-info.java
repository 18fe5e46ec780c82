/**
 * Corral's public types: requests, results, outcomes, configuration. No GraalVM types. The Riza
 * wire mapping ({@code io.corral.api.wire}) needs Jackson, which this module only reads when it is
 * present.
 *
 * @since 0.1
 */
module io.corral.api {
    requires static transitive com.fasterxml.jackson.databind;

    exports io.corral.api;
    exports io.corral.api.wire;
}
