package io.corral.benchmarks;

import io.corral.api.Language;

/**
 * The guest programs the benchmarks run, one line each. Trivial programs take a number, so each
 * invocation can get a source text never seen before (nothing is cached by text).
 */
final class Programs {

    private Programs() {
    }

    /** Prints {@code n + 1}. */
    static String trivial(Language language, long n) {
        return switch (language) {
            case PYTHON -> "print(" + n + " + 1)";
            case JAVASCRIPT, TYPESCRIPT -> "console.log(" + n + " + 1)";
            case RUBY -> "puts " + n + " + 1";
            case PHP -> "<?php echo " + n + " + 1, \"\\n\";";
        };
    }

    /** A function returning {@code {"n": input.n + 1}}, the same text every call (as a tool's is). */
    static String increment(Language language) {
        return switch (language) {
            case PYTHON -> "def execute(input): return {'n': input['n'] + 1}";
            case JAVASCRIPT -> "function execute(input) { return {n: input.n + 1}; }";
            case TYPESCRIPT -> "function execute(input: {n: number}): {n: number} { return {n: input.n + 1}; }";
            case RUBY -> "def execute(input); { 'n' => input['n'] + 1 }; end";
            case PHP -> "<?php function execute($input) { return ['n' => $input['n'] + 1]; }";
        };
    }

    /** TypeScript with a type annotation, so the compiler has something to strip. */
    static String typedTypeScript(long n) {
        return "const n: number = " + n + "; console.log(n + 1)";
    }

    /** One GET of {@code url}, its body printed. Ruby has no outbound HTTP in-process. */
    static String httpGet(Language language, String url) {
        return switch (language) {
            case PYTHON -> "import urllib.request; print(urllib.request.urlopen('" + url + "').read().decode())";
            case JAVASCRIPT, TYPESCRIPT -> "fetch('" + url + "').then(r => r.text()).then(t => console.log(t))";
            case PHP -> "<?php echo file_get_contents('" + url + "'), \"\\n\";";
            case RUBY -> throw new IllegalArgumentException("ruby: no outbound HTTP in-process");
        };
    }
}
