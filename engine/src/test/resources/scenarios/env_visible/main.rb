puts [ENV["K1"].inspect, ENV["PATH"].inspect, ENV["HOME"].inspect].join(" ")
