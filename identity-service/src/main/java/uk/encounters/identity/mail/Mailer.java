package uk.encounters.identity.mail;

/** Sends mail. The one implementation today is the local {@link Outbox}; an SMTP mailer can replace it. */
public interface Mailer {

    void send(Mail mail);
}
