package db

import (
	"fmt"
	"testing"
	"time"
)

// TestValidTimeZone checks that only names of the zone database are time
// zones (on main, any string the host's zone files would load was one,
// and cached for ever: "Europe/./Paris", "Europe//Paris"), and that names
// refused are not cached.
func TestValidTimeZone(t *testing.T) {
	for _, name := range []string{"Europe/Paris", "America/New_York", "UTC", "Asia/Calcutta", "Etc/GMT+5", "US/Eastern"} {
		if !ValidTimeZone(name) {
			t.Errorf("ValidTimeZone(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"", "Local", "Europe/./Paris", "Europe//Paris", "./Europe/Paris", "Europe/Paris/", "../etc/passwd",
		"/usr/share/zoneinfo/Europe/Paris", "Mars/Olympus", "europe/paris", "Factory"} {
		if ValidTimeZone(name) {
			t.Errorf("ValidTimeZone(%q) = true, want false", name)
		}
	}
	before := cachedZones()
	for i := range 1000 {
		ValidTimeZone(fmt.Sprintf("Europe/%s/Paris", string(rune('a'+i%26))))
	}
	if after := cachedZones(); after != before {
		t.Errorf("1000 unknown names grew the zone cache from %d to %d", before, after)
	}
}

func cachedZones() int {
	n := 0
	locations.Range(func(any, any) bool { n++; return true })
	return n
}

// TestKnownZonesLoad checks that every known zone name loads (from the
// zone database built into the binary when the host has none).
func TestKnownZonesLoad(t *testing.T) {
	for _, name := range knownZoneNames {
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("known zone %q does not load: %v", name, err)
		}
	}
	if len(knownZoneNames) < 400 {
		t.Errorf("%d known zones, want the whole database", len(knownZoneNames))
	}
}
