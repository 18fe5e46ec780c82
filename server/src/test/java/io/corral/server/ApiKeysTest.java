package io.corral.server;

import io.corral.server.auth.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    @Test
    void aBearerKeyAuthenticatesAsItsIdWhichIsNotTheKey() {
        ApiKeys keys = ApiKeys.of(List.of("first-key", "second-key"));
        Optional<String> id = keys.authenticate("Bearer second-key");
        assertEquals(Optional.of(ApiKeys.idOf("second-key")), id);
        assertTrue(id.get().matches("key_[0-9a-f]{12}"), id.get());
        assertFalse(id.get().contains("second"));
        assertEquals(List.of(ApiKeys.idOf("first-key"), ApiKeys.idOf("second-key")), keys.ids());
        assertEquals(Optional.of(ApiKeys.idOf("first-key")), keys.authenticate("bearer first-key"),
                "the scheme is case-insensitive, as HTTP says");
    }

    @Test
    void anythingButBearerAndAKnownKeyIsRefused() {
        ApiKeys keys = ApiKeys.of(List.of("first-key"));
        for (String header : new String[] {null, "", "first-key", "Basic first-key", "Bearer ", "Bearer first-keyx",
                "Bearer first"}) {
            assertEquals(Optional.empty(), keys.authenticate(header), String.valueOf(header));
        }
    }

    @Test
    void keysComeFromACommaListOrAFileWithComments(@TempDir Path dir) throws Exception {
        assertEquals(2, ApiKeys.parse(" a-key, ,b-key,").size());
        Path file = dir.resolve("keys");
        Files.writeString(file, "# rotated 2026-01\nold-key\n\n  new-key  \n");
        ApiKeys keys = ApiKeys.readFile(file);
        assertEquals(Optional.of(ApiKeys.idOf("new-key")), keys.authenticate("Bearer new-key"));
        assertEquals(2, keys.size());
    }

    @Test
    void keysFromTwoSourcesTogetherAuthenticateEitherAndCountASharedKeyOnce() {
        ApiKeys both = ApiKeys.parse("env-key,shared-key").and(ApiKeys.of(List.of("shared-key", "file-key")));
        assertEquals(3, both.size());
        assertEquals(Optional.of(ApiKeys.idOf("env-key")), both.authenticate("Bearer env-key"));
        assertEquals(Optional.of(ApiKeys.idOf("file-key")), both.authenticate("Bearer file-key"));
        assertEquals(Optional.empty(), both.authenticate("Bearer other-key"));
    }

    @Test
    void blankOrSpacedKeysAreRefusedWithoutShowingThem() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.of(List.of("ok-key", " ")));
        assertTrue(blank.getMessage().startsWith("apiKeys[1]: is blank"), blank.getMessage());
        IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.of(List.of("two words")));
        assertFalse(spaced.getMessage().contains("two words"), spaced.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.of(List.of()));
        assertFalse(ApiKeys.of(List.of("secret-key")).toString().contains("secret-key"));
    }
}
