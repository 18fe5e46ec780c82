package io.corral.engine.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;

import java.util.regex.Pattern;

/**
 * Schema {@code pattern}s on {@code java.util.regex}, with a bound on the work of one match.
 * java.util.regex backtracks, and a schema pattern runs on the host, outside every guest limit:
 * {@code ^(a+)+$} against {@code "a"*40 + "!"} would take hours. Each match reads its input through
 * a {@link CharSequence} that counts character reads and aborts the match past a budget, so the
 * bound is on work done, not on a clock: the same input gives the same answer on any machine.
 */
final class BoundedRegex implements RegularExpressionFactory {

    /** Character reads one match may make; a linear pattern over 1 MiB of text needs a few million. */
    static final long DEFAULT_BUDGET = 20_000_000L;

    private final long budget;

    BoundedRegex(long budget) {
        this.budget = budget;
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        // ECMA-262 '$' means end of input, not "before a final newline"; long-form \p{Letter} names
        String translated = RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(regex));
        Pattern pattern = Pattern.compile(translated);
        return value -> pattern.matcher(new Budgeted(value, budget, regex)).find();
    }

    /** Thrown from inside a match that used up its budget; {@link InputSchema} reports it. */
    static final class BudgetExceeded extends RuntimeException {
        final String pattern;

        BudgetExceeded(String pattern) {
            super("pattern " + pattern + " needs too much backtracking for this input", null, false, false);
            this.pattern = pattern;
        }
    }

    private static final class Budgeted implements CharSequence {
        private final String text;
        private final String pattern;
        private final long[] left;
        private final int offset;
        private final int length;

        Budgeted(String text, long budget, String pattern) {
            this(text, new long[] {budget}, pattern, 0, text.length());
        }

        private Budgeted(String text, long[] left, String pattern, int offset, int length) {
            this.text = text;
            this.left = left;
            this.pattern = pattern;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded(pattern);
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text, left, pattern, offset + start, end - start);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
