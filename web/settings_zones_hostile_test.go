package web

import (
	"net/http"
	"net/url"
	"testing"
)

// TestSettingsRefuseOddZoneNames checks that a time zone name that is not
// one of the zone database's is refused, even when the host's zone files
// would load it (on main "Europe/./Paris" and "Europe//Paris" were saved).
func TestSettingsRefuseOddZoneNames(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	for _, zone := range []string{"Europe/./Paris", "Europe//Paris", "Europe/Paris/", "Local"} {
		r := b.post("/settings", url.Values{"retention": {"90"}, "new_per_day": {"20"}, "time_zone": {zone}, "rollover_hour": {"4"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("settings with time zone %q = %d, want 422", zone, r.status)
		}
	}
	if r := b.post("/settings", url.Values{"retention": {"90"}, "new_per_day": {"20"}, "time_zone": {"Europe/Paris"}, "rollover_hour": {"4"}}); r.status != http.StatusSeeOther {
		t.Errorf("settings with Europe/Paris = %d, want 303", r.status)
	}
}
