puts [$corral_marker.nil? ? "absent" : "present", "".respond_to?(:corral_polluted) ? "present" : "absent"].join(" ")
