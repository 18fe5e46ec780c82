package io.corral.engine;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.javascript.JavaScriptLanguage;
import io.corral.engine.lang.python.PythonLanguage;
import io.corral.engine.lang.ruby.RubyLanguage;

import java.util.EnumSet;
import java.util.Set;

/** The languages this build can run, and their runtimes. */
final class Languages {

    private Languages() {
    }

    static Set<Language> available() {
        return EnumSet.of(Language.PYTHON, Language.JAVASCRIPT, Language.RUBY);
    }

    static GuestLanguage create(Language language) {
        return switch (language) {
            case PYTHON -> new PythonLanguage();
            case JAVASCRIPT -> new JavaScriptLanguage();
            case RUBY -> new RubyLanguage();
            default -> throw new IllegalArgumentException(language.wireName() + " is not available in this build");
        };
    }
}
