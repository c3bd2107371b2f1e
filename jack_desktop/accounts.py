"""The accounts of the shipped chart (SKR04) that bookings post to automatically.

Invoice of an agency booking (the operator's share is passed on, the commission is revenue):
receivables / payables (cost) + commission (price - cost). Margin scheme (§ 25 UStG): receivables
/ margin revenue + VAT on the margin, and travel costs / payables. Standard (service fees):
receivables / revenue + VAT. Payments: bank or cash / receivables.
"""

RECEIVABLES = "1200"
CASH = "1600"
BANK = "1800"
PAYABLES = "3300"
VAT_STANDARD = "3806"
MARGIN_REVENUE = "4010"
STANDARD_REVENUE = "4400"
COMMISSION = "4560"
TRAVEL_COSTS = "5900"

# DATEV's automatic accounts among these: the VAT is computed from the gross amount posted on
# them (SKR04 4400: 19 %). An entry on one must carry exactly that VAT, or DATEV would differ.
AUTOMATIC_VAT = {STANDARD_REVENUE: (VAT_STANDARD, 19)}  # account -> (VAT account, percent)
