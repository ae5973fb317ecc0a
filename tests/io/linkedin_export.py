"""Builds LinkedIn data exports in exactly the shape LinkedIn sends them.

Including the awkward parts: a UTF-8 byte-order mark and a "Notes:" preamble above the
Connections header, empty e-mails, names with accents, emoji, commas and quotes,
two date shapes, invitation messages spanning lines, an older five-column
Invitations.csv, messages.csv with UTC stamps (and its 2026 shape: every cell quoted,
more columns, drafts), endorsements with scheme-less profile URLs and slashed UTC
stamps, and recommendations both ways with HIDDEN and PENDING rows.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have "
    "allowed their connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: "
    'https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)
CONNECTIONS_HEADER = (
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
)  # fmt: skip

CONNECTIONS = [
    ("Ana", "Lima", "https://www.linkedin.com/in/ana-lima", "", "Acme", "CTO", "15 Mar 2023"),
    ("José", "Núñez 🚀", "https://www.linkedin.com/in/jose-nunez", "jose@example.com",
     "Initech, Inc.", 'Head of "Growth"', "01-Jul-25"),
    ("Bo", "Chen", "https://www.linkedin.com/in/bo-chen", "", "Globex", "Engineer", "02 Jan 2026"),
    ("", "", "", "", "", "", "03 Feb 2024"),
    ("Dana", "O'Neil", "https://www.linkedin.com/in/dana-oneil", "", "", "", "20 Nov 2026"),
]  # fmt: skip


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def connections_csv(rows: Sequence[Sequence[str]] = CONNECTIONS) -> bytes:
    return ("\ufeff" + PREAMBLE + csv_text(CONNECTIONS_HEADER, rows)).encode("utf-8")


INVITATIONS_HEADER = (
    "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl",
)  # fmt: skip
INVITATIONS = [
    ("Me Myself", "Kim Park", "1/29/26, 2:37 PM",
     "Hi Kim,\nloved your talk on pricing.\nWould be glad to connect.", "OUTGOING",
     "https://www.linkedin.com/in/me", "https://www.linkedin.com/in/kim-park"),
    ("Lee Wong", "Me Myself", "11/20/26, 9:05 AM", "", "INCOMING",
     "https://www.linkedin.com/in/lee-wong", "https://www.linkedin.com/in/me"),
]  # fmt: skip


def invitations_csv(old: bool = False) -> bytes:
    if old:
        return csv_text(INVITATIONS_HEADER[:5], [r[:5] for r in INVITATIONS]).encode("utf-8")
    return csv_text(INVITATIONS_HEADER, INVITATIONS).encode("utf-8")


def follows_csv() -> bytes:
    rows = [("Acme", "Mon Mar 13 10:00:00 UTC 2023"), ("Umbrella Corp", "Tue Jan 02 2024")]
    return csv_text(("Organization", "Followed On"), rows).encode("utf-8")


MESSAGES_HEADER = (
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
)  # fmt: skip


def messages_csv() -> bytes:
    me = ("Me Myself", "https://www.linkedin.com/in/me")
    ana = ("Ana Lima", "https://www.linkedin.com/in/ana-lima")
    bo = ("Bo Chen", "https://www.linkedin.com/in/bo-chen")
    rows = [
        ("c1", "", *ana, me[0], me[1], "2026-11-10 15:33:58 UTC", "", "Coffee soon?", "INBOX"),
        ("c1", "", *me, ana[0], ana[1], "2026-11-12 08:00:00 UTC", "", "Yes!\nThursday", "INBOX"),
        ("c2", "", *me, bo[0], bo[1], "2025-06-11 15:33:58 UTC", "", "Hello", "INBOX"),
        ("c3", "", "Spammer", "https://www.linkedin.com/in/spam", me[0], me[1],
         "2026-11-01 10:00:00 UTC", "", "Buy", "SPAM"),
    ]  # fmt: skip
    return csv_text(MESSAGES_HEADER, rows).encode("utf-8")


MESSAGES_2026_HEADER = (*MESSAGES_HEADER, "ATTACHMENTS", "IS MESSAGE DRAFT")


def messages_2026_csv(rows: Sequence[Sequence[str]]) -> bytes:
    """The 2026 shape: every cell quoted, ATTACHMENTS and IS MESSAGE DRAFT at the end."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(MESSAGES_2026_HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


ENDORSEMENT_COLUMNS = ("Endorsement Date", "Skill Name", "{} First Name", "{} Last Name",
                       "{} Public Url", "Endorsement Status")  # fmt: skip
ENDORSEMENTS_RECEIVED = [
    ("2026/11/02 15:13:21 UTC", "Python", "Ana", "Lima", "www.linkedin.com/in/ana-lima",
     "ACCEPTED"),
    ("2026/11/02 15:13:22 UTC", "SQL", "Ana", "Lima", "www.linkedin.com/in/ana-lima",
     "ACCEPTED"),
    ("2026/11/03 09:00:00 UTC", "Sales", "Bo", "Chen", "www.linkedin.com/in/bo-chen", "HIDDEN"),
    ("2026/10/01 09:00:00 UTC", "Go", "Zed", "Unknown", "www.linkedin.com/in/zed-unknown",
     "ACCEPTED"),
]  # fmt: skip
ENDORSEMENTS_GIVEN = [
    ("2026/11/05 10:00:00 UTC", "Pricing", "Bo", "Chen", "www.linkedin.com/in/bo-chen",
     "ACCEPTED"),
]  # fmt: skip


def endorsements_csv(given: bool, rows: Sequence[Sequence[str]] | None = None) -> bytes:
    who = "Endorsee" if given else "Endorser"
    header = [c.format(who) for c in ENDORSEMENT_COLUMNS]
    chosen = rows if rows is not None else (ENDORSEMENTS_GIVEN if given else ENDORSEMENTS_RECEIVED)
    return csv_text(header, chosen).encode("utf-8")


RECOMMENDATIONS_HEADER = (
    "First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status",
)  # fmt: skip
RECOMMENDATIONS_RECEIVED = [
    ("José", "Núñez 🚀", "Initech, Inc.", "Head of Growth", "José is a rare talent,\nhire him.",
     "08/30/22, 05:51 PM", "VISIBLE"),
    ("Dana", "O'Neil", "", "", "", "11/18/26, 09:15 AM", "PENDING"),
    ("Bo", "Chen", "Globex", "Engineer", "old words", "01/02/21, 10:00 AM", "HIDDEN"),
]  # fmt: skip
RECOMMENDATIONS_GIVEN = [
    ("Ana", "Lima", "Acme", "CTO", "Ana led our best launch.", "10/12/26, 04:30 PM", "VISIBLE"),
    ("Yan", "Nobody", "", "", "Great colleague.", "2026-09-01", "VISIBLE"),
]  # fmt: skip


def recommendations_csv(given: bool, rows: Sequence[Sequence[str]] | None = None) -> bytes:
    chosen = (
        rows if rows is not None else (RECOMMENDATIONS_GIVEN if given else RECOMMENDATIONS_RECEIVED)
    )
    return csv_text(RECOMMENDATIONS_HEADER, chosen).encode("utf-8")


def export_files() -> dict[str, bytes]:
    return {
        "Connections.csv": connections_csv(),
        "Invitations.csv": invitations_csv(),
        "Company Follows.csv": follows_csv(),
        "messages.csv": messages_csv(),
        "Endorsement_Received_Info.csv": endorsements_csv(given=False),
        "Endorsement_Given_Info.csv": endorsements_csv(given=True),
        "Recommendations_Received.csv": recommendations_csv(given=False),
        "Recommendations_Given.csv": recommendations_csv(given=True),
        "Profile.csv": b"First Name,Last Name\r\nMe,Myself\r\n",
    }


def write_zip(path: Path, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (files or export_files()).items():
            archive.writestr(name, data)
    return path


def write_folder(path: Path, files: dict[str, bytes] | None = None) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, data in (files or export_files()).items():
        (path / name).write_bytes(data)
    return path
