"""The club leader's desk: groups, children, play sessions, what the children learned, reports to take away."""
