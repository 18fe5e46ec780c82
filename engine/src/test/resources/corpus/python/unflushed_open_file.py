# A file still open for writing, and not flushed, as seen from elsewhere in the same script.
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "log.txt")
log = open(path, "w")
log.write("buffered\n")
print(os.path.getsize(path), repr(open(path).read()))
log.close()
print(os.path.getsize(path))
