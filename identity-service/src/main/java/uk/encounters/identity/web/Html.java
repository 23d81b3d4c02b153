package uk.encounters.identity.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The few pages a person sees here (outbox, invitation, confirmation), as plain escaped HTML. */
public final class Html {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private Html() {
    }

    public static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Encounters sign-in</title><style>body{font-family:sans-serif;max-width:44em;margin:2em auto;"
                + "padding:0 1em}pre{white-space:pre-wrap;background:#f4f4f4;padding:1em}</style></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    /** Escapes the text and makes its web addresses clickable. */
    public static String linked(String text) {
        Matcher matcher = LINK.matcher(escape(text));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    "<a href=\"" + matcher.group() + "\">" + matcher.group() + "</a>"));
        }
        return matcher.appendTail(out).toString();
    }

    /** A form posting back to {@code action}, with the CSRF token the session's chain checks. */
    public static String form(String action, CsrfToken csrf, String fields, String button) {
        return "<form method=\"post\" action=\"" + escape(action) + "\"><input type=\"hidden\" name=\""
                + escape(csrf.getParameterName()) + "\" value=\"" + escape(csrf.getToken()) + "\">" + fields
                + "<p><button type=\"submit\">" + escape(button) + "</button></p></form>";
    }
}
