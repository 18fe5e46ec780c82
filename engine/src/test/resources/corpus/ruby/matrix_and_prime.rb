# The bundled matrix and prime libraries.
require 'matrix'
require 'prime'

m = Matrix[[2, 1], [1, 3]]
v = Vector[1, 2]
p m * v, m.determinant, m.inverse, m.transpose, m * m, m.rank, m.trace, m.square?, Matrix.identity(2) == m * m.inverse
p (m ** 3).to_a, m.map { |x| x * 10 }.to_a, v.inner_product(Vector[3, 4]), v.norm, Matrix[[1, 2], [2, 4]].singular?, m.row(0).to_a
p Prime.first(10), 97.prime?, 1.prime?, Prime.prime_division(360), Prime.int_from_prime_division([[2, 3], [5, 1]]), Prime.each(30).to_a.last
p 600_851_475_143.prime_division.last.first, Prime.lazy.select { |x| x % 10 == 3 }.first(5), Prime.take_while { |x| x < 20 }.sum
