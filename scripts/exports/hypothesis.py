"""The notes as a file the Hypothesis client imports (Share > Import, since 2024).

The client reads its own JSON export: an object whose ``annotations`` is a list of
annotations as its API returns them (hypothesis/client, src/sidebar/helpers/import.ts and
services/import-annotations.ts). An import keeps each annotation's ``target`` (the quote
selector finds the words on the essay page), ``text`` (Markdown), ``tags``, ``uri`` and
``document``, and whether it was shared (a ``group:`` reader); the importing reader
becomes its author. Each annotation opens with where it comes from: the edition and the
note's own address.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from scripts.exports.web_annotations import annotation_bodies, quote_selector
from scripts.model import Edition
from scripts.render.essay import ESSAY_SRC, notes_in_reading_order
from scripts.render.meta import Site

PUBLIC_GROUP = "__world__"  # Hypothesis's public group


def render(edition: Edition, site: Site) -> str:
    essay_url = site.page_url(ESSAY_SRC)
    # The import dialog lists annotations by their "user" (acct:name@authority): the edition,
    # named by its site's host. The reader who imports them becomes their author.
    user = f"acct:edition@{urlsplit(site.url).hostname or 'localhost'}"
    date = f"{site.version.date}T00:00:00+00:00" if site.version.date else ""
    annotations = []
    for note in notes_in_reading_order(edition):
        bodies = annotation_bodies(edition, note, site.url)
        note_url = site.page_url(note.src_uri)
        origin = f"From [{site.name}]({site.url}), note [{note.id}]({note_url}).\n\n"
        annotations.append(
            {
                "id": note.id,
                "created": date,
                "updated": date,
                "user": user,
                "uri": essay_url,
                "text": origin + bodies[0]["value"],
                "tags": [b["value"] for b in bodies[1:]],
                "group": PUBLIC_GROUP,
                "permissions": {"read": [f"group:{PUBLIC_GROUP}"], "update": [], "delete": []},
                "target": [{"source": essay_url, "selector": [quote_selector(edition, note)]}],
                "document": {"title": edition.info.title},
                "hidden": False,
                "links": {"html": note_url},
            }
        )
    export = {
        "export_date": date,
        "export_userid": user,
        "client_version": "",
        "annotations": annotations,
    }
    return json.dumps(export, ensure_ascii=False, indent=2) + "\n"
