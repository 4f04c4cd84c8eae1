package web

import (
	"testing"
	"time"

	"factdrill/db"
)

// TestSettingsZones checks that every time zone the settings page lists
// loads, on this host and from the zone database built into the binary,
// and that the list is sorted and has no duplicates (zoneGroups groups
// consecutive regions).
func TestSettingsZones(t *testing.T) {
	for i, name := range settingsZones {
		if _, err := time.LoadLocation(name); err != nil || !db.ValidTimeZone(name) {
			t.Errorf("listed time zone %q does not load: %v", name, err)
		}
		if i > 0 && settingsZones[i-1] >= name {
			t.Errorf("listed time zones out of order or repeated: %q before %q", settingsZones[i-1], name)
		}
	}
	if len(settingsZones) < 100 {
		t.Errorf("%d time zones listed, want the world's", len(settingsZones))
	}
}
