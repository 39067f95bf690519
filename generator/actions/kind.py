"""立项整改: what residents raised, and what was done about it."""

from __future__ import annotations

from ..documents.pages import document_changes
from ..kind import Kind, Schema
from . import urls
from .load import load_actions
from .model import ACTIONS
from .pages import ACTIONS_BLOCK, action_feed, action_pages
from .schema import Action

KIND = Kind(
    name="actions",
    title="立项整改",
    summary="/actions/（按进展和乡镇）、每一项的网页，首页、警务室和村页面上的最新事项",
    folder="actions",
    folder_note="这里放立项整改事项（.md 文件），每件事一个文件。\n",
    needs=("directory",),
    load=load_actions,
    changes=document_changes(ACTIONS),
    schemas=(Schema("action.schema.json", Action, "data/actions/*.md 开头的信息：立项整改"),),
    count=lambda site: f"{len(ACTIONS.of(site).all)} 项立项整改",
    pages=action_pages,
    blocks=(ACTIONS_BLOCK,),
    feed=action_feed,
    templates=True,
    stylesheet="actions.css",
    nav=(8, "立项整改", urls.ACTIONS),
    links={"actions": urls.ACTIONS, "action": urls.action},
)
