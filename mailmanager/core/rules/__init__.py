"""Date and state rules: code policy, check schedule, alerts, badges, sending guidance."""
