# Completes GraalPy's unicodedata. GraalPy implements category, bidirectional, name, normalize and
# is_normalized itself (on ICU) and takes the rest from a C extension that cannot load without native
# access; here the rest comes from the host's UnicodeDatabase (ICU too, so every function agrees on one
# Unicode version), with CPython's argument checks and errors. Evaluated as an internal source (its
# frames stay out of tracebacks, like C code's); its value is the function the prelude calls with the
# module and the host's database.


def _corral_unicodedata_install(module, db):
    _MISSING = object()

    def code_point(function, chr):
        if not isinstance(chr, str):
            raise TypeError("%s() argument must be a unicode character, not %s" % (function, type(chr).__name__))
        if len(chr) != 1:
            raise TypeError("%s() argument must be a unicode character, not str" % function)
        return ord(chr)

    def combining(chr, /):
        """Returns the canonical combining class assigned to the character chr as integer."""
        return db.combining(code_point("combining", chr))

    def east_asian_width(chr, /):
        """Returns the east asian width assigned to the character chr as string."""
        return db.east_asian_width(code_point("east_asian_width", chr))

    def decomposition(chr, /):
        """Returns the character decomposition mapping assigned to the character chr as string."""
        return db.decomposition(code_point("decomposition", chr))

    def mirrored(chr, /):
        """Returns the mirrored property assigned to the character chr as integer."""
        return db.mirrored(code_point("mirrored", chr))

    def valued(function, lookup, error):
        def get(chr, default=_MISSING, /):
            value = lookup(code_point(function, chr))
            if value is None:
                if default is _MISSING:
                    raise ValueError(error)
                return default
            return value

        get.__name__ = get.__qualname__ = function
        return get

    decimal = valued("decimal", db.decimal, "not a decimal")
    decimal.__doc__ = "Converts a Unicode character into its equivalent decimal value."
    digit = valued("digit", db.digit, "not a digit")
    digit.__doc__ = "Converts a Unicode character into its equivalent digit value."
    numeric = valued("numeric", lambda cp: None if (v := db.numeric(cp)) is None else float(v),
                     "not a numeric character")
    numeric.__doc__ = "Converts a Unicode character into its equivalent numeric value."

    def lookup(name, /):
        """Look up character by name."""
        if not isinstance(name, str):
            raise TypeError("lookup() argument must be str, not %s" % type(name).__name__)
        cp = db.lookup(name)
        if cp is None or cp < 0:
            raise KeyError("undefined character name '%s'" % name)
        return chr(cp)

    functions = {"combining": combining, "east_asian_width": east_asian_width, "decomposition": decomposition,
                 "mirrored": mirrored, "decimal": decimal, "digit": digit, "numeric": numeric, "lookup": lookup}

    class UCD:
        """The Unicode 3.2 database IDNA (the idna codec, stringprep) is specified against: characters
        assigned after 3.2 are unassigned here; the rest answer as in the current database."""

        unidata_version = "3.2.0"

        def _old(self, chr, function):
            return db.assigned_in_3_2(code_point(function, chr))

        def category(self, chr, /):
            return module.category(chr) if self._old(chr, "category") else "Cn"

        def bidirectional(self, chr, /):
            return module.bidirectional(chr) if self._old(chr, "bidirectional") else ""

        def combining(self, chr, /):
            return combining(chr) if self._old(chr, "combining") else 0

        def east_asian_width(self, chr, /):
            return east_asian_width(chr) if self._old(chr, "east_asian_width") else "N"

        def decomposition(self, chr, /):
            return decomposition(chr) if self._old(chr, "decomposition") else ""

        def mirrored(self, chr, /):
            return mirrored(chr) if self._old(chr, "mirrored") else 0

        def decimal(self, chr, default=_MISSING, /):
            return decimal(chr if self._old(chr, "decimal") else "\0", default)

        def digit(self, chr, default=_MISSING, /):
            return digit(chr if self._old(chr, "digit") else "\0", default)

        def numeric(self, chr, default=_MISSING, /):
            return numeric(chr if self._old(chr, "numeric") else "\0", default)

        def name(self, chr, default=_MISSING, /):
            if self._old(chr, "name"):
                return module.name(chr) if default is _MISSING else module.name(chr, default)
            if default is _MISSING:
                raise ValueError("no such name")
            return default

        def lookup(self, name, /):
            found = lookup(name)
            if not db.assigned_in_3_2(ord(found)):
                raise KeyError("undefined character name '%s'" % name)
            return found

        def normalize(self, form, unistr, /):
            return module.normalize(form, unistr)

        def is_normalized(self, form, unistr, /):
            return module.is_normalized(form, unistr)

    UCD.__module__ = "unicodedata"
    for name, function in functions.items():
        function.__module__ = "unicodedata"
        setattr(module, name, function)
    module.UCD = UCD
    module.ucd_3_2_0 = UCD()
    # GraalPy's module loads the C extension lazily through a module __getattr__; nothing is left for it
    module.__dict__.pop("__getattr__", None)


_corral_unicodedata_install
