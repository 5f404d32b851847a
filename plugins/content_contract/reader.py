"""Titles in front matter are text, not HTML.

Pelican typogrifies titles as HTML, so a title such as `Tom & Jerry </script>`
would reach the page as markup. Escaping it as it is read keeps what the author
typed, and typogrify still sets its quotes and dashes.
"""

import html

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader


class TextTitleReader(YAMLMetadataReader):
    def read(self, source_path):
        content, metadata = super().read(source_path)
        if isinstance(metadata.get("title"), str):
            metadata["title"] = html.escape(metadata["title"], quote=False)
        return content, metadata


def use_text_title_reader(readers):
    for extension in TextTitleReader.file_extensions:
        readers.reader_classes[extension] = TextTitleReader
