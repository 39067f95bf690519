"""活动日历 (/events/): events, reception hours (警民相约警务室), timed lectures, and the calendar feeds (.ics)."""
