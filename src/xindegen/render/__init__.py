"""Stage 3, render: an outline → .docx, .md, .txt or .yaml (``xindegen render``).

``output`` picks the format from the file name and writes safely; ``text`` renders Markdown and
plain text through Jinja templates, ``docx`` Word files through compiled Word templates;
``templates`` lists, explains and exports them; ``preview`` turns .docx into PDF through
LibreOffice; ``summary`` draws an outline as a tree (``xindegen outline show``).
"""
