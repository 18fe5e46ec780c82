# Corral's Ruby prelude: evaluated once in every fresh context, before an execution is bound.
# It returns the lambda that binds one execution (host bridge, script path, argv, environment,
# stdin) and runs the script at top level under the script's own file name.
lambda do |host, path, argv, env, stdin, code|
  $0 = path.to_s
  ARGV.replace(Array.new(argv.size) { |i| argv[i].to_s })
  TOPLEVEL_BINDING.eval(code.to_s, path.to_s, 1)
  nil
end
