"""The files `cunjing init DIR` writes: everything a new county needs to pass
`cunjing check` at once, explained in comments for editors. The menu and the
notes in the empty data folders come from the list of kinds."""

from __future__ import annotations

from ..core.pages import src_of
from ..kinds import KINDS

MKDOCS_TEMPLATE = """\
# 网站的总设置（MkDocs）。一般不用改。
# 警务室、村（社区）、民警等页面由 cunjing 根据 data/ 文件夹自动生成；
# docs/ 里只放手写的页面（例如“关于本站”）。
site_name: 村警
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: zh
  # 不从其他网站加载字体（手机自带中文字体）。
  font: false
  features:
    - navigation.top
plugins:
  - cunjing:
      data_dir: data
nav:
{nav}  - 关于本站: about.md
"""

ABOUT_MD = """\
# 关于本站

本站由县公安局按照“一村一警”的做法，把每个村（社区）的社区民警、警务室和联系方式公布给群众。

- **找民警**：在首页点您所在的乡镇和村（社区），就能看到负责您村的社区民警和电话。
- **紧急情况**：请直接拨打 110。

本站不收集任何个人信息。
"""

SITE_YML = """\
# 网站设置。每一行是“字段名: 值”：冒号用英文半角“:”，冒号后面空一格。
# 以 # 开头的行是说明，不会显示在网站上。保存时请选 UTF-8 编码。

# 网站名称，显示在每一页的顶部。
title: 某某县一村一警

# 县名。
county: 某某县

# 主办单位，显示在页面底部。
authority: 某某县公安局

# 网站的完整网址（以 https:// 开头，以 / 结尾）。二维码、公示牌和联系卡都用它。
# 正式上线前一定要改成本县网站的真实网址。
site_url: https://example.org/county/

# 报警电话，一般是 110。
emergency: "110"

# 监督电话，印在社区警务公示牌上，群众投诉、监督民警用。可以不写，不写就是 12389。
supervision: "12389"

# 是不是示例数据：true 时每一页都显示“示例数据，请勿拨打”。
# 换成真实的人名和电话后改成 false（这时 site_url 不能再是 example.org 这样的示例地址）。
sample: true

# 政府网站页面底部必须有的三个号码（上线前向网站主管单位要；示例数据时可以先用下面的示例）：
# 网站标识码（10 位数字）。
site_code: "0000000000"

# ICP 备案号，页面底部会链接到工信部备案网站。
icp_record: 某ICP备00000000号

# 公安机关备案号，页面底部会链接到公安机关备案网站（按其中的数字查询）。
police_record: 某公网安备00000000000000号

# 群众提意见的电话和邮箱（可以不写；不写就把这三行删掉）。
feedback:
  phone: "0873-0000000"
  email: feedback@example.org
"""

POST_ID = "example-post"

POST_YML = """\
# 一个警务室一个文件，文件名就是警务室编号（只用小写英文字母、数字和短横线），
# 也是网址的一部分，例如 posts/example-post.yml -> 网址 /posts/example-post/。
# 这是示例：请照着它的样子，把本县每个警务室写成一个文件，然后删掉这个示例。
# 电话号码请用英文输入法输入，并用英文双引号括起来。

name: 示例警务室
township: 示例镇
station: 示例派出所
address: 示例镇示例社区居委会办公楼
phone: "0873-0000001"
hours: 周一至周五 8:30—12:00，14:30—18:00

# 这个警务室负责的村（社区）。每个村（社区）以“- id:”开头，下面几行对齐。
villages:
  - id: example-village        # 村（社区）编号，网址 /v/example-village/，定了以后不要再改
    name: 示例村
    kind: 行政村               # 只能填 行政村 或 社区
    population: 1000           # 人口，只写数字
    groups: [一组, 二组]       # 村民小组或小区，用英文逗号分开
    officers: [example-officer]  # 责任民警的编号（写在下面 officers 里）

# 这个警务室的民警。
officers:
  - id: example-officer        # 民警编号，网址 /officers/example-officer/
    name: 张示例
    rank: 一级警司             # 警衔或职务
    badge: "000001"            # 警号，用英文双引号括起来
    phone: "0873-0000002"
    duties: [政策法律宣传员, 安全防范引导员]  # 五员职责，可以写几项

# 辅警和协管员（没有就写 staff: []）。role 只能填 辅警、治安协管员 或 流动人口协管员。
staff:
  - name: 李示例
    role: 辅警
    phone: "0873-0000003"
    villages: [example-village]
"""

def mkdocs_yml() -> str:
    """mkdocs.yml with a menu entry for every kind's main page."""
    entries = sorted(kind.nav for kind in KINDS if kind.nav is not None)
    nav = "".join(f"  - {title}: {src_of(url)}\n" for _, title, url in entries)
    return MKDOCS_TEMPLATE.replace("{nav}", nav)


def folder_notes() -> dict[str, str]:
    """data/<folder> -> what its note says, for every kind with a data folder and a note."""
    return {kind.folder: kind.folder_note for kind in KINDS if kind.folder and kind.folder_note}
