package io.github.devcontainercache.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A builder that keeps markup and escaped text apart, so that no value reaches the page unescaped. */
final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String value) {
        out.append(escape(value == null ? "" : value));
        return this;
    }

    Html num(long value) {
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Text and attribute values, escaped: names, paths and container names can hold {@code <}, {@code &}, quotes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** One decimal at most, without a trailing {@code .0}: coordinates short and the same on every machine. */
    static String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** A text file beside this class in the plugin's jar, such as the page's style. */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the plugin's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
