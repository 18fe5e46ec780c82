package io.corral.engine.lang.php;

import io.corral.api.Language;
import io.corral.engine.egress.GuestHttpSuite;

import java.util.List;

/** The engine's guest HTTP suite, run for PHP as it is (file_get_contents and curl over the gateway). */
class PhpGuestHttpTest extends GuestHttpSuite {

    @Override
    protected List<Language> languages() {
        return List.of(Language.PHP);
    }
}
