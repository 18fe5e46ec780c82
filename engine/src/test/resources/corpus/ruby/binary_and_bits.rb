# Bytes and bits: pack/unpack, checksums, bit flags, hex dumps.
header = [0x4F52, 1, 3, 1_700_000_000, 'CORRAL'].pack('nCCNa8')
p header.bytesize, header.unpack('nCCNa8'), header.unpack1('H*'), header.encoding, header.b == header
p [1, 2, 3].pack('C*'), [65, 66].pack('U*'), [1.5].pack('e').bytes, [1.5].pack('G').unpack1('G'), ['hi'].pack('A5').inspect, [-1].pack('l<').bytes
p 'AB'.unpack('C*'), "\x01\x00\x00\x00".unpack1('V'), "\xFF\xFE".unpack('s<'), 'hello'.unpack('a2 a*'), ['68656c6c6f'].pack('H*'), 'hi'.unpack1('B*')

def crc8(bytes)
  bytes.reduce(0) do |crc, byte|
    crc ^= byte
    8.times { crc = (crc & 0x80).zero? ? (crc << 1) & 0xFF : ((crc << 1) ^ 0x07) & 0xFF }
    crc
  end
end

def adler32(data)
  a = 1
  b = 0
  data.each_byte do |byte|
    a = (a + byte) % 65_521
    b = (b + a) % 65_521
  end
  (b << 16) | a
end
p crc8('123456789'.bytes), adler32('Wikipedia'), adler32('').to_s(16), format('%08x', adler32('corral'))

READ = 0b001
WRITE = 0b010
EXEC = 0b100
perms = READ | EXEC
p perms, perms.to_s(2), (perms & WRITE).zero?, perms ^ EXEC, ~perms & 0b111, perms.anybits?(WRITE | READ), perms.allbits?(READ | EXEC), perms.nobits?(WRITE)
p 1 << 10, -16 >> 2, 0xFF.bit_length, (2**64 - 1).bit_length, 255[0], 6[1], 0b1011.digits(2), 12345.to_s(36), 'zz'.to_i(36), -5.abs, 5.pred
data = (0..40).map { |i| (i * 37) % 256 }.pack('C*')
data.bytes.each_slice(16).with_index do |chunk, i|
  hex = chunk.map { |b| format('%02x', b) }.join(' ')
  ascii = chunk.map { |b| (32..126).cover?(b) ? b.chr : '.' }.join
  puts format('%08x  %-47s  |%s|', i * 16, hex, ascii)
end
p data.sum, data.getbyte(3), data.byteslice(2, 3).bytes, data.each_byte.max, data.count("\x00"), data.unpack('C3x2C')
