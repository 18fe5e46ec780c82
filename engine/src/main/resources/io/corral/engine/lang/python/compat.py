# Small differences between GraalPy 25.0 and CPython that ordinary scripts run into, closed where a
# Python-level change is the right one. Each entry says what CPython does. Evaluated as an internal
# source (its frames stay out of tracebacks); its value is the function that returns the startup patch
# (for modules the prelude already has) and the patches applied when a module is first imported.


def _corral_compat():
    patches = {}

    def startup(sys, os, time):
        # sys.getsizeof: GraalPy's object.__sizeof__ ends the run with an internal error. CPython 3.12's
        # sizes for the built-in types (64-bit), __sizeof__ where a Python class defines one.
        missing = object()
        gc_header = 16

        def str_size(s):
            top = max(map(ord, s), default=0)
            if top < 128:
                return 40 + len(s) + 1
            kind = 1 if top < 256 else 2 if top < 65536 else 4
            return 56 + kind * (len(s) + 1)

        def int_size(i):
            return 24 + 4 * max(1, -(-abs(i).bit_length() // 30))

        def table_size(n, first, grow):
            size = first
            while n * 3 >= size * 2:
                size *= grow
            return size

        builtin_sizes = {
            bool: lambda o: 28, int: int_size, float: lambda o: 24, complex: lambda o: 32, str: str_size,
            bytes: lambda o: 33 + len(o), bytearray: lambda o: 56 + (len(o) + 1 if o else 0),
            tuple: lambda o: 24 + gc_header + 8 * len(o), list: lambda o: 40 + gc_header + 8 * len(o),
            dict: lambda o: 64 if not o else 48 + gc_header + 32 + table_size(len(o), 8, 2) * 9,
            set: lambda o: 200 + gc_header + (0 if len(o) < 5 else 16 * table_size(len(o), 8, 4)),
            frozenset: lambda o: 200 + gc_header + (0 if len(o) < 5 else 16 * table_size(len(o), 8, 4)),
            range: lambda o: 48, slice: lambda o: 56, type(None): lambda o: 16, memoryview: lambda o: 200,
        }

        def getsizeof(object, default=missing, /):
            """Return the size of object in bytes (CPython 3.12's sizes for built-in objects)."""
            for klass in type(object).__mro__:
                method = klass.__dict__.get("__sizeof__")
                if method is not None:
                    break
            if method is not None and type(method).__name__ == "function":
                try:
                    size = object.__sizeof__()
                except BaseException:
                    if default is missing:
                        raise
                    return default
                if not isinstance(size, int):
                    raise TypeError("an integer is required")
                if size < 0:
                    raise ValueError("__sizeof__() should return >= 0")
                return size + gc_header
            for klass in type(object).__mro__:
                estimate = builtin_sizes.get(klass)
                if estimate is not None:
                    return estimate(object)
            if isinstance(object, type):
                return 1072
            slots = getattr(type(object), "__slots__", ())
            return 16 + gc_header + (8 * len(slots) if isinstance(slots, (tuple, list)) else 16)

        sys.getsizeof = getsizeof

        # Directories cannot be opened as descriptors on the guest's in-memory files, so no *_dir_fd
        # call works; saying so makes shutil.rmtree (and TemporaryDirectory's cleanup) walk by path,
        # as CPython does on platforms without them.
        os.supports_dir_fd = set()

        # CPython names both the standard and the daylight zone: ('UTC', 'UTC') in UTC
        time.tzname = ("UTC", "UTC")

        # CPython closes (and so flushes) a file the moment the last reference to it goes:
        # open(p, "w").write(s) followed by open(p).read() reads s. GraalPy has no reference counts and
        # flushes only when the collector finalizes the file, so files opened for writing are flushed
        # before any file is opened or looked at, which gives the same result.
        import builtins
        import io
        from _weakrefset import WeakSet
        writing = WeakSet()
        io_open = io.open

        def flush_written():
            for f in list(writing):
                try:
                    if not f.closed:
                        f.flush()
                except BaseException:
                    pass

        def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
            flush_written()
            f = io_open(file, mode, buffering, encoding, errors, newline, closefd, opener)
            if isinstance(mode, str) and ("w" in mode or "a" in mode or "x" in mode or "+" in mode):
                try:
                    writing.add(f)
                except TypeError:
                    pass
            return f

        open.__doc__ = io_open.__doc__
        open.__module__ = "io"
        builtins.open = io.open = open
        for name in ("stat", "lstat", "listdir", "scandir"):
            original = getattr(os, name, None)
            if original is not None:
                def looked_at(*args, _original=original, **kwargs):
                    flush_written()
                    return _original(*args, **kwargs)

                looked_at.__name__ = name
                looked_at.__doc__ = original.__doc__
                setattr(os, name, looked_at)
                for capabilities in (os.supports_fd, os.supports_follow_symlinks, os.supports_effective_ids):
                    if original in capabilities:
                        capabilities.discard(original)
                        capabilities.add(looked_at)

    def binascii(module):
        # GraalPy's hexlify/b2a_hex do not take CPython's sep and bytes_per_sep
        hexlify = module.hexlify

        def with_separator(data, sep=None, bytes_per_sep=1):
            if sep is None:
                return hexlify(data)
            return bytes(memoryview(data)).hex(sep, bytes_per_sep).encode("ascii")

        with_separator.__name__ = "hexlify"
        module.hexlify = module.b2a_hex = with_separator

    def datetime(module):
        # CPython's IsoCalendarDate prints as datetime.IsoCalendarDate(...)
        iso = getattr(module, "IsoCalendarDate", None) or getattr(module, "_IsoCalendarDate", None)
        if iso is not None:
            iso.__repr__ = lambda self: "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % tuple(self)

    patches["binascii"] = binascii
    patches["_pydatetime"] = datetime
    return startup, patches


_corral_compat
