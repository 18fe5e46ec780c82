# The tzdata package (the IANA database as package resources, what PyPI's tzdata provides), served
# from the host's TimeZoneDatabase: zoneinfo falls back to it when no TZPATH folder exists, which is
# the case here. Read-only; the files exist only as resources (tzdata.zoneinfo.Europe / "Paris").
# Evaluated as an internal source; its value is the function that makes the import finder.


def _corral_tzdata_finder(db):
    import sys

    state = {}

    def index():
        # every key and folder, from one host call on first use
        if "keys" not in state:
            keys = frozenset(db.zones().split("\n"))
            folders = {k.rsplit("/", 1)[0] for k in keys if "/" in k}
            for f in list(folders):
                while "/" in f:
                    f = f.rsplit("/", 1)[0]
                    folders.add(f)
            state["keys"], state["folders"] = keys, frozenset(folders)
        return state["keys"], state["folders"]

    def traversable_type():
        if "type" in state:
            return state["type"]
        import io
        from importlib.resources.abc import Traversable

        class Resource(Traversable):
            """A file or folder of the tzdata package."""

            def __init__(self, parts):
                self._parts = tuple(parts)

            def _key(self):
                return "/".join(self._parts[1:])

            @property
            def name(self):
                return self._parts[-1] if self._parts else "tzdata"

            def is_dir(self):
                keys, folders = index()
                return (not self._parts or self._parts == ("zoneinfo",)
                        or (self._parts[0] == "zoneinfo" and self._key() in folders))

            def is_file(self):
                keys, folders = index()
                return self._parts == ("zones",) or (len(self._parts) > 1 and self._parts[0] == "zoneinfo"
                                                     and self._key() in keys)

            def iterdir(self):
                keys, folders = index()
                if not self._parts:
                    return iter([Resource(("zoneinfo",)), Resource(("zones",))])
                if not self.is_dir():
                    raise NotADirectoryError(self.name)
                prefix = self._key() + "/" if len(self._parts) > 1 else ""
                names = sorted({k[len(prefix):].split("/", 1)[0] for k in keys if k.startswith(prefix)})
                return iter([Resource(self._parts + (n,)) for n in names])

            def joinpath(self, *descendants):
                parts = list(self._parts)
                for d in descendants:
                    parts.extend(p for p in str(d).split("/") if p)
                return Resource(parts)

            def __truediv__(self, child):
                return self.joinpath(child)

            def read_bytes(self):
                if self._parts == ("zones",):
                    return ("\n".join(sorted(index()[0])) + "\n").encode("ascii")
                data = db.tzif(self._key()) if self.is_file() else None
                if data is None:
                    raise FileNotFoundError(2, "No such file or directory", "/".join(("tzdata",) + self._parts))
                return data.encode("latin-1")

            def read_text(self, encoding=None):
                return self.read_bytes().decode(encoding or "utf-8")

            def open(self, mode="r", *args, **kwargs):
                data = io.BytesIO(self.read_bytes())
                if mode == "rb":
                    return data
                if mode == "r":
                    return io.TextIOWrapper(data, *args, **kwargs)
                raise ValueError("Invalid mode value '%s', only 'r' and 'rb' are supported" % mode)

            def __repr__(self):
                return "<tzdata resource %r>" % "/".join(self._parts)

        state["type"] = Resource
        return Resource

    class Reader:
        def __init__(self, parts):
            self._parts = parts

        def files(self):
            return traversable_type()(self._parts)

    class Loader:
        def create_module(self, spec):
            return None

        def exec_module(self, module):
            if module.__name__ == "tzdata":
                module.IANA_VERSION = db.version()
                module.__version__ = module.IANA_VERSION

        def get_resource_reader(self, fullname):
            return Reader(fullname.split(".")[1:])

    loader = Loader()

    class Finder:
        """Finds tzdata, tzdata.zoneinfo and its folders (tzdata.zoneinfo.America.Argentina)."""

        def find_spec(self, fullname, path=None, target=None):
            if fullname != "tzdata" and not fullname.startswith("tzdata."):
                return None
            parts = fullname.split(".")[1:]
            if parts and parts[0] != "zoneinfo":
                return None
            if len(parts) > 1 and "/".join(parts[1:]) not in index()[1]:
                return None
            import importlib.machinery
            spec = importlib.machinery.ModuleSpec(fullname, loader, is_package=True)
            spec.submodule_search_locations = []
            return spec

        def invalidate_caches(self):
            pass

    return Finder()


_corral_tzdata_finder
