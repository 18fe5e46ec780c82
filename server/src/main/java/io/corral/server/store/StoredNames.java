package io.corral.server.store;

import io.corral.api.ExecutionType;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.OutputStatus;

/**
 * Enum values as the database stores them: their wire names, which are stable, rather than Java
 * constant names, which a refactoring may change. An unknown name is a damaged or newer database.
 */
final class StoredNames {

    private StoredNames() {
    }

    static Language language(String wireName) {
        for (Language l : Language.values()) {
            if (l.wireName().equals(wireName)) {
                return l;
            }
        }
        throw unknown("language", wireName);
    }

    static ExecutionType executionType(String wireName) {
        for (ExecutionType t : ExecutionType.values()) {
            if (t.wireName().equals(wireName)) {
                return t;
            }
        }
        throw unknown("execution type", wireName);
    }

    static Outcome.Kind outcomeKind(String wireName) {
        for (Outcome.Kind k : Outcome.Kind.values()) {
            if (k.wireName().equals(wireName)) {
                return k;
            }
        }
        throw unknown("outcome kind", wireName);
    }

    static OutputStatus outputStatus(String wireName) {
        for (OutputStatus s : OutputStatus.values()) {
            if (s.wireName().equals(wireName)) {
                return s;
            }
        }
        throw unknown("output status", wireName);
    }

    private static IllegalStateException unknown(String what, String name) {
        return new IllegalStateException("the database holds " + what + " '" + name
                + "', which this version of Corral does not know (a newer version wrote it, or the row is damaged)");
    }
}
