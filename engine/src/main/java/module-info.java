/**
 * Corral's engine: {@link io.corral.engine.ExecutionEngine} and what an embedder plugs in
 * ({@code io.corral.engine.spi}: stores, name resolution). Everything else — the languages, the
 * sandbox, egress, files, schemas — is internal; language modules kept apart (PHP) get the
 * language contract through a qualified export.
 *
 * @since 0.1
 */
module io.corral.engine {
    requires transitive io.corral.api;
    requires org.graalvm.polyglot;
    requires org.graalvm.truffle;
    requires com.fasterxml.jackson.databind;
    requires com.networknt.schema;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires com.google.common;
    requires com.google.common.jimfs;
    requires java.logging;
    requires java.management;
    requires jdk.management;
    requires java.xml;
    requires com.ibm.icu;
    requires org.bouncycastle.provider;
    requires jdk.jfr;

    exports io.corral.engine;
    exports io.corral.engine.spi;
    exports io.corral.engine.lang to io.corral.php;

    uses io.corral.engine.lang.GuestLanguageProvider;
    provides io.corral.engine.lang.GuestLanguageProvider with
            io.corral.engine.lang.python.PythonProvider,
            io.corral.engine.lang.javascript.JavaScriptProvider,
            io.corral.engine.lang.typescript.TypeScriptProvider,
            io.corral.engine.lang.ruby.RubyProvider;
    // measures a guest context's heap for the heap guard (sandbox.ContextHeap)
    provides com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider with
            io.corral.engine.sandbox.ContextHeapInstrumentProvider;
}
