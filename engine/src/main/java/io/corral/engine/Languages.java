package io.corral.engine;

import io.corral.api.Language;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.GuestLanguageProvider;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** The languages this build can run: every {@link GuestLanguageProvider} on the class path. */
final class Languages {

    private static final Map<Language, GuestLanguageProvider> PROVIDERS = load();

    private Languages() {
    }

    private static Map<Language, GuestLanguageProvider> load() {
        Map<Language, GuestLanguageProvider> map = new EnumMap<>(Language.class);
        for (GuestLanguageProvider p : ServiceLoader.load(GuestLanguageProvider.class, Languages.class.getClassLoader())) {
            map.putIfAbsent(p.language(), p);
        }
        return Collections.unmodifiableMap(map);
    }

    static Set<Language> available() {
        return PROVIDERS.keySet();
    }

    static GuestLanguage create(Language language, io.corral.engine.lang.LanguageOptions options) {
        GuestLanguageProvider p = PROVIDERS.get(language);
        if (p == null) {
            throw new IllegalArgumentException(language.wireName() + " is not available in this build; available: "
                    + available());
        }
        GuestLanguage created = p.create(options);
        created.useOptions(options);
        return created;
    }
}
