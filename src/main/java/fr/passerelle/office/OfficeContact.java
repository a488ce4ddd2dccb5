package fr.passerelle.office;

import java.time.ZoneId;

/**
 * How candidates and partners reach this office, as printed on convocations and used as the
 * organiser of calendar invitations: postal address, phone, mailbox; and the time zone in which
 * every date of the installation is read (Europe/Paris unless set: an overseas office sets its
 * own). Any of the texts may be empty.
 */
public record OfficeContact(String address, String phone, String email, ZoneId zone) {
  public OfficeContact {
    address = address == null ? "" : address.strip();
    phone = phone == null ? "" : phone.strip();
    email = email == null ? "" : email.strip();
    zone = zone == null ? fr.passerelle.db.WallClock.DEFAULT_ZONE : zone;
  }
}
