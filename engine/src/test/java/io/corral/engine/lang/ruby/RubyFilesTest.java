package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * File, IO and Dir work on the execution's in-memory files as CRuby's do on a disk: each program's
 * expected output is what CRuby 3.1 printed for it (run in a fresh folder standing for /tmp).
 * TruffleRuby's own File needs native access in-process; {@code files.rb} serves them through the host
 * bridge, in a worker process and in-process alike.
 */
class RubyFilesTest {

    private static ExecResult run(RubyMode mode, String code) {
        return mode.engine().run(ScriptRequest.of(Language.RUBY, code)).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    /** File.write with mode: "a" appends, File.open("w"/"a"/"r+") writes, File.size, readlines and foreach read back, as CRuby 3.1 printed for the same program. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void writesAppendsAndReadsFilesInTmpAsCRubyDoes(RubyMode mode) {
        ExecResult r = run(mode, """
                path = '/tmp/report.txt'
                File.write(path, "one\\n")
                File.write(path, "two\\n", mode: 'a')
                File.open(path, 'a') { |f| f.puts 'three'; f.print 'four', "\\n"; f << 'five' << "\\n"; f.printf("%03d\\n", 6) }
                p File.read(path), File.size(path), File.exist?(path), File.file?(path), File.directory?('/tmp')
                p File.readlines(path, chomp: true).last(2), File.foreach(path).count, IO.readlines(path).size
                File.open(path) do |f|
                  p f, f.class, f.is_a?(IO), f.gets, f.readline(chomp: true), f.read(4), f.each_line.to_a.size, f.eof?
                end
                p File.open(path, 'r+') { |x| x.seek(0, IO::SEEK_END); x.write('end'); x.rewind; x.read.lines.last }
                p File.write(path, 'héllo'), File.read(path).encoding, File.binread(path).encoding, File.read(path, 3, 1)
                File.delete(path)
                p File.exist?(path)
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                "one\\ntwo\\nthree\\nfour\\nfive\\n006\\n"
                28
                true
                true
                true
                ["five", "006"]
                6
                6
                #<File:/tmp/report.txt>
                File
                true
                "one\\n"
                "two"
                "thre"
                4
                true
                "end"
                6
                #<Encoding:UTF-8>
                #<Encoding:ASCII-8BIT>
                "\\xC3\\xA9l"
                false
                """, r.stdout());
    }

    /** an open file buffers what is written until flush, sync = true or close, as CRuby's buffered files do. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void writesReachTheFileWhenFlushedOrClosedAsInCRuby(RubyMode mode) {
        ExecResult r = run(mode, """
                f = File.open('/tmp/buffered.txt', 'w')
                f.write('pending')
                p File.read('/tmp/buffered.txt')
                f.flush
                p File.read('/tmp/buffered.txt')
                f.sync = true
                f.write('!')
                p File.read('/tmp/buffered.txt')
                f.close
                p f, (f.read rescue $!.class), (File.open('/tmp/buffered.txt') { |x| x.write('no') } rescue $!.message)
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                ""
                "pending"
                "pending!"
                #<File:/tmp/buffered.txt (closed)>
                IOError
                "not opened for writing"
                """, r.stdout());
    }

    /** missing files, existing folders, folders that are not empty, files that are not folders: CRuby's Errno class and message. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void fileErrorsAreCRubysErrnoWithItsMessages(RubyMode mode) {
        ExecResult r = run(mode, """
                Dir.mkdir('/tmp/d')
                File.write('/tmp/d/f.txt', 'x')
                Dir.chdir('/tmp/d') do
                  [-> { Dir.mkdir('/tmp/d') }, -> { Dir.mkdir('q/r') }, -> { File.read('nope.txt') }, -> { File.size('nope') },
                   -> { File.delete('nope') }, -> { File.delete('/tmp/d') }, -> { Dir.rmdir('/tmp/d') }, -> { Dir.rmdir('f.txt') },
                   -> { Dir.children('nope') }, -> { Dir.children('f.txt') }, -> { File.open('/tmp/d', 'w') }, -> { File.write('q/x', '') },
                   -> { File.open('f.txt', 'wx') }, -> { File.rename('nope', 'x') }, -> { File.mtime('nope') }, -> { File.stat('nope') },
                   -> { Dir.chdir('nope') }, -> { File.foreach('nope').to_a }, -> { File.read('/tmp/d') }].each do |t|
                    t.call
                    puts 'no error'
                  rescue SystemCallError => e
                    puts "#{e.class}: #{e.message}"
                  end
                end
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                Errno::EEXIST: File exists @ dir_s_mkdir - /tmp/d
                Errno::ENOENT: No such file or directory @ dir_s_mkdir - q/r
                Errno::ENOENT: No such file or directory @ rb_sysopen - nope.txt
                Errno::ENOENT: No such file or directory @ rb_file_s_size - nope
                Errno::ENOENT: No such file or directory @ apply2files - nope
                Errno::EISDIR: Is a directory @ apply2files - /tmp/d
                Errno::ENOTEMPTY: Directory not empty @ dir_s_rmdir - /tmp/d
                Errno::ENOTDIR: Not a directory @ dir_s_rmdir - f.txt
                Errno::ENOENT: No such file or directory @ dir_initialize - nope
                Errno::ENOTDIR: Not a directory @ dir_initialize - f.txt
                Errno::EISDIR: Is a directory @ rb_sysopen - /tmp/d
                Errno::ENOENT: No such file or directory @ rb_sysopen - q/x
                Errno::EEXIST: File exists @ rb_sysopen - f.txt
                Errno::ENOENT: No such file or directory @ rb_file_s_rename - (nope, x)
                Errno::ENOENT: No such file or directory @ rb_file_s_mtime - nope
                Errno::ENOENT: No such file or directory @ rb_file_s_stat - nope
                Errno::ENOENT: No such file or directory @ dir_s_chdir - nope
                Errno::ENOENT: No such file or directory @ rb_sysopen - nope
                Errno::EISDIR: Is a directory @ io_fread - /tmp/d
                """, r.stdout());
    }

    /** Dir.glob's patterns (**, braces, classes, base:), its order (sorted, brace groups opening a segment one after the other), Dir.children, entries, chdir. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void dirListsAndGlobsLikeCRuby(RubyMode mode) {
        ExecResult r = run(mode, """
                %w[a/x.rb a/b/y.rb z.rb c/w.rb a/b.txt c/a.txt .h/q.rb a/.d.rb].each do |name|
                  path = File.join('/tmp/tree', name)
                  dir = File.dirname(path)
                  Dir.mkdir(dir) unless Dir.exist?(dir) || (Dir.mkdir(File.dirname(dir)) unless Dir.exist?(File.dirname(dir)))
                  Dir.mkdir(dir) unless Dir.exist?(dir)
                  File.write(path, name)
                end
                Dir.chdir('/tmp/tree') do
                  ['{c,a}/*', '*/{x,b}*', '**/*.{rb,txt}', '*/*.{txt,rb}', '**/{x,b}*', '{a,c}/**/*.{rb,txt}', '**/', 'a/**/', '**/*.rb',
                   './a/*', 'a/b', '[ac]/*', '?.rb', 'nothing/*'].each { |pattern| puts "#{pattern} #{Dir.glob(pattern).inspect}" }
                  p Dir.glob('*', base: 'a'), Dir['a/*', 'c/*'], Dir.glob('/tmp/tree/c/*'), Dir.children('a').sort, Dir.entries('c').sort, Dir.empty?('a')
                  p Dir.pwd, File.expand_path('a/../z.rb'), File.stat('a').directory?, File.ftype('z.rb'), File.stat('c/w.rb').size
                end
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                {c,a}/* ["c/a.txt", "c/w.rb", "a/b", "a/b.txt", "a/x.rb"]
                */{x,b}* ["a/x.rb", "a/b", "a/b.txt"]
                **/*.{rb,txt} ["a/b/y.rb", "a/b.txt", "a/x.rb", "c/a.txt", "c/w.rb", "z.rb"]
                */*.{txt,rb} ["a/b.txt", "a/x.rb", "c/a.txt", "c/w.rb"]
                **/{x,b}* ["a/b", "a/b.txt", "a/x.rb"]
                {a,c}/**/*.{rb,txt} ["a/b/y.rb", "a/x.rb", "a/b.txt", "c/w.rb", "c/a.txt"]
                **/ ["a/", "a/b/", "c/"]
                a/**/ ["a/", "a/b/"]
                **/*.rb ["a/b/y.rb", "a/x.rb", "c/w.rb", "z.rb"]
                ./a/* ["./a/b", "./a/b.txt", "./a/x.rb"]
                a/b ["a/b"]
                [ac]/* ["a/b", "a/b.txt", "a/x.rb", "c/a.txt", "c/w.rb"]
                ?.rb ["z.rb"]
                nothing/* []
                ["b", "b.txt", "x.rb"]
                ["a/b", "a/b.txt", "a/x.rb", "c/a.txt", "c/w.rb"]
                ["/tmp/tree/c/a.txt", "/tmp/tree/c/w.rb"]
                [".d.rb", "b", "b.txt", "x.rb"]
                [".", "..", "a.txt", "w.rb"]
                false
                "/tmp/tree"
                "/tmp/tree/z.rb"
                true
                "file"
                6
                """, r.stdout());
    }

    /** the standard library's Tempfile, Dir.mktmpdir and FileUtils work on the scratch /tmp. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void tempfileTmpdirAndFileUtilsWork(RubyMode mode) {
        ExecResult r = run(mode, """
                require 'tempfile'
                require 'tmpdir'
                require 'fileutils'
                Tempfile.create('report') do |t|
                  t.puts 'temp'
                  t.flush
                  p File.basename(t.path).start_with?('report'), File.dirname(t.path), File.read(t.path), t.size
                end
                t = Tempfile.new(['data', '.json'])
                t.write('{"a":1}')
                t.close
                p File.read(t.path), t.path.end_with?('.json')
                t.unlink
                p t.path
                Dir.mktmpdir('work') do |dir|
                  FileUtils.mkdir_p(File.join(dir, 'x/y'))
                  FileUtils.touch(File.join(dir, 'x/y/z.txt'))
                  File.write(File.join(dir, 'a.txt'), 'a')
                  FileUtils.cp(File.join(dir, 'a.txt'), File.join(dir, 'x/b.txt'))
                  FileUtils.mv(File.join(dir, 'a.txt'), File.join(dir, 'x/y/c.txt'))
                  p Dir.glob('**/*', base: dir)
                  FileUtils.rm_rf(File.join(dir, 'x'))
                  p Dir.children(dir), Dir.tmpdir
                end
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                true
                "/tmp"
                "temp\\n"
                5
                "{\\"a\\":1}"
                true
                nil
                ["x", "x/b.txt", "x/y", "x/y/c.txt", "x/y/z.txt"]
                []
                "/tmp"
                """, r.stdout());
    }

    /** Only the execution's own files exist; /mnt/req (the inputs) is read-only, the host's disk absent. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void hostFilesDoNotExistAndInputFilesAreReadOnly(RubyMode mode) {
        ExecResult r = mode.engine().run(ScriptRequest.newBuilder(Language.RUBY, """
                        p File.exist?('/etc/passwd'), (File.read('/etc/passwd') rescue $!.class), Dir.children('/'), Dir.glob('/**/passwd'), Dir.exist?('/home')
                        p (File.write('/etc/corral', 'x') rescue $!.class), (Dir.mkdir('/x') rescue $!.class), (File.open('/mnt/req/in.txt', 'a') rescue $!.class)
                        p File.read('/mnt/req/in.txt'), File.size('/mnt/req/in.txt'), File.writable?('/mnt/req/in.txt'), (File.delete('/mnt/req/in.txt') rescue $!.class)
                        p Dir.glob('/mnt/req/**/*'), (File.read('/tmp/../etc/passwd') rescue $!.class), (File.rename('/mnt/req/in.txt', '/tmp/x') rescue $!.class), File.exist?('/mnt/req/in.txt')
                        """)
                .file("in.txt", "input\n").build()).scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                false
                Errno::ENOENT
                ["mnt", "tmp"]
                []
                false
                Errno::EROFS
                Errno::EROFS
                Errno::EROFS
                "input\\n"
                6
                false
                Errno::EROFS
                ["/mnt/req/in.txt"]
                Errno::ENOENT
                Errno::EROFS
                true
                """, r.stdout());
    }

    /** CRuby writes an open file's buffer out before a seek or a read, and when 8 KiB are pending. */
    @ParameterizedTest
    @EnumSource(RubyMode.class)
    void aFileIsWrittenOutBeforeASeekOrReadAndWhenItsBufferFills(RubyMode mode) {
        ExecResult r = run(mode, """
                File.write('/tmp/rw.txt', "a\\nb\\n")
                File.open('/tmp/rw.txt', 'r+') do |f|
                  f.seek(0, IO::SEEK_END)
                  f.write("c\\n")
                  f.rewind
                  p f.read, File.read('/tmp/rw.txt'), f.pos == File.size('/tmp/rw.txt')
                end
                big = File.open('/tmp/big.txt', 'w')
                big.write('x' * 10_000)
                p File.size('/tmp/big.txt')
                big.close
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                "a\\nb\\nc\\n"
                "a\\nb\\nc\\n"
                true
                10000
                """, r.stdout());
    }
}
