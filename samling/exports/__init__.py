"""Take-away outputs of an event or a network: calendars, the printed programme, feeds.

No models here. `responses` declares every output's file name and content type in one place;
`ical`, `pdf` and `feeds` build the bytes; `links` gives the absolute addresses of an event's
outputs. The views live in `samling.public.outputs`.
"""
