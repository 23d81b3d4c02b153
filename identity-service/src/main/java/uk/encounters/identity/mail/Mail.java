package uk.encounters.identity.mail;

/** A plain-text message to one address. Links in it are secrets until used: never log a mail. */
public record Mail(String to, String subject, String text) {

    @Override
    public String toString() {
        return "Mail[" + subject + "]";
    }
}
