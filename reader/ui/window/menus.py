"""The window's actions and menus, created once; texts are set again when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from reader.printable import printable
from reader.ui.common.i18n import add_arabic, current_language, t
from reader.ui.common.plain import menu_text

add_arabic(
    {
        "&File": "&ملف",
        "&Open Folder…": "&فتح مجلد…",
        "Open &Recent": "المجلدات ال&أخيرة",
        "Clear Recent": "مسح القائمة",
        "(none)": "(لا شيء)",
        "&Export Current Result…": "&تصدير النتيجة الحالية…",
        "Clear &Cache…": "مسح ذاكرة التخزين ال&مؤقت…",
        "Delete the saved copies of the folders opened; the next open reads every file again": (
            "حذف النسخ المحفوظة من المجلدات المفتوحة؛ يقرأ الفتح التالي كل الملفات من جديد"
        ),
        "&Quit": "&خروج",
        "&View": "&عرض",
        "Zoom &In": "ت&كبير",
        "Zoom &Out": "ت&صغير",
        "&Reset Zoom": "إعادة ال&حجم",
        "&Light Theme": "سمة &فاتحة",
        "&Dark Theme": "سمة &داكنة",
        "&Language": "&اللغة",
        "Show &Problems": "عرض ال&مشكلات",
        "&Entity Panel": "لوحة ال&كيانات",
        "Show the related headlines and the entities under the article": (
            "إظهار العناوين ذات الصلة والكيانات تحت المقال"
        ),
        "&Article": "&مقال",
        "&Next Article": "المقال ال&تالي",
        "&Previous Article": "المقال ال&سابق",
        "&Star": "&تمييز بنجمة",
        "Toggle &Read": "تبديل حالة ال&قراءة",
        "&Search": "&بحث",
        "&Help": "&مساعدة",
        "&Keyboard Shortcuts": "اختصارات &لوحة المفاتيح",
        "Add &My Tag…": "إضافة و&سم خاص…",
        "Save Searc&h…": "&حفظ البحث…",
        "Export Case &File…": "تصدير &ملف القضية…",
        "&Import Case File…": "ا&ستيراد ملف القضية…",
    }
)


class Actions(QObject):
    """Every action of the window; ``window`` connects their triggered signals."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

        def act(
            shortcuts: list[QKeySequence | QKeySequence.StandardKey | str] | None = None,
        ) -> QAction:
            action = QAction(parent)
            if shortcuts:
                action.setShortcuts([QKeySequence(s) for s in shortcuts])
            # window-wide, so they work whichever pane has the focus
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            return action

        self.open_folder = act([QKeySequence.StandardKey.Open])
        self.export = act([QKeySequence("Ctrl+E")])
        self.clear_cache = act()
        self.quit = act([QKeySequence.StandardKey.Quit])
        self.zoom_in = act(["Ctrl+=", "Ctrl++"])
        self.zoom_out = act(["Ctrl+-"])
        self.zoom_reset = act(["Ctrl+0"])
        self.theme_light = act()
        self.theme_dark = act()
        self.themes = QActionGroup(self)
        for a in (self.theme_light, self.theme_dark):
            a.setCheckable(True)
            self.themes.addAction(a)
        self.lang_en = act()
        self.lang_ar = act()
        self.languages = QActionGroup(self)
        for a in (self.lang_en, self.lang_ar):
            a.setCheckable(True)
            self.languages.addAction(a)
        self.show_problems = act()
        self.entity_panel = act(["Ctrl+Shift+E"])
        self.entity_panel.setCheckable(True)
        self.entity_panel.setChecked(True)
        self.next_article = act(["J"])
        self.previous_article = act(["K"])
        self.star = act(["S"])
        self.toggle_read = act(["M"])
        self.my_tag = act(["T"])
        self.save_search = act(["Ctrl+Shift+S"])
        self.export_case = act()
        self.import_case = act()
        self.focus_search = act([QKeySequence.StandardKey.Find])
        self.shortcuts = act(["F1", "?"])
        self.recent_menu = QMenu()
        self.clear_recent = QAction(parent)
        self._menus: dict[str, QMenu] = {}  # made once by ``populate``, retitled on a switch
        self.retranslate()

    def retranslate(self) -> None:
        self.open_folder.setText(t("&Open Folder…"))
        self.export.setText(t("&Export Current Result…"))
        self.clear_cache.setText(t("Clear &Cache…"))
        self.clear_cache.setStatusTip(
            t("Delete the saved copies of the folders opened; the next open reads every file again")
        )
        self.quit.setText(t("&Quit"))
        self.zoom_in.setText(t("Zoom &In"))
        self.zoom_out.setText(t("Zoom &Out"))
        self.zoom_reset.setText(t("&Reset Zoom"))
        self.theme_light.setText(t("&Light Theme"))
        self.theme_dark.setText(t("&Dark Theme"))
        self.lang_en.setText("English")
        self.lang_ar.setText("العربية")
        self.show_problems.setText(t("Show &Problems"))
        self.entity_panel.setText(t("&Entity Panel"))
        self.entity_panel.setStatusTip(
            t("Show the related headlines and the entities under the article")
        )
        self.next_article.setText(t("&Next Article"))
        self.previous_article.setText(t("&Previous Article"))
        self.star.setText(t("&Star"))
        self.toggle_read.setText(t("Toggle &Read"))
        self.my_tag.setText(t("Add &My Tag…"))
        self.save_search.setText(t("Save Searc&h…"))
        self.export_case.setText(t("Export Case &File…"))
        self.import_case.setText(t("&Import Case File…"))
        self.focus_search.setText(t("&Search"))
        self.shortcuts.setText(t("&Keyboard Shortcuts"))
        self.recent_menu.setTitle(t("Open &Recent"))
        self.clear_recent.setText(t("Clear Recent"))
        for action in vars(self).values():
            if isinstance(action, QAction):
                show_keys_left_to_right(action)
        if self._menus:
            self._title_menus()

    def _title_menus(self) -> None:
        for source, menu in self._menus.items():
            menu.setTitle(t(source))

    def populate(self, bar: QMenuBar) -> None:
        """Build the menus once; a language switch only retitles them (menus rebuilt would
        leave the old ones, in the old language, behind as children of the bar)."""
        if self._menus:
            self._title_menus()
            return
        file_menu = bar.addMenu(t("&File"))
        file_menu.addAction(self.open_folder)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.export)
        file_menu.addAction(self.export_case)
        file_menu.addAction(self.import_case)
        file_menu.addSeparator()
        file_menu.addAction(self.clear_cache)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        view = bar.addMenu(t("&View"))
        for a in (self.zoom_in, self.zoom_out, self.zoom_reset):
            view.addAction(a)
        view.addSeparator()
        view.addAction(self.theme_light)
        view.addAction(self.theme_dark)
        view.addSeparator()
        lang = view.addMenu(t("&Language"))
        lang.addAction(self.lang_en)
        lang.addAction(self.lang_ar)
        view.addSeparator()
        view.addAction(self.entity_panel)
        view.addAction(self.show_problems)
        article = bar.addMenu(t("&Article"))
        for a in (self.next_article, self.previous_article, self.star, self.toggle_read):
            article.addAction(a)
        article.addAction(self.my_tag)
        article.addSeparator()
        article.addAction(self.focus_search)
        article.addAction(self.save_search)
        help_menu = bar.addMenu(t("&Help"))
        help_menu.addAction(self.shortcuts)
        self._menus = {
            "&File": file_menu,
            "&View": view,
            "&Language": lang,
            "&Article": article,
            "&Help": help_menu,
        }

    def fill_recent(self, folders: list[str], open_recent: object) -> None:
        menu = self.recent_menu
        menu.clear()
        if not folders:
            none = menu.addAction(t("(none)"))
            none.setEnabled(False)
            return
        for folder in folders:
            action = menu.addAction(menu_text(printable(folder)))  # "&" in a name is no mnemonic
            action.triggered.connect(lambda _=False, f=folder: open_recent(f))  # type: ignore[operator]
        menu.addSeparator()
        menu.addAction(self.clear_recent)


def show_keys_left_to_right(action: QAction) -> None:
    """In the Arabic interface a menu would draw "Ctrl+=" as "=+Ctrl": the key is given as the
    text after a tab (which QMenu shows in place of the shortcut), embedded left to right."""
    text = action.text().split("\t", 1)[0]
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if keys and current_language() == "ar":
        text = f"{text}\t\u202a{keys}\u202c"
    action.setText(text)
