package fr.passerelle.meetings;

import java.util.List;

/** What an invitation did: places given, waitlisted, and people already on the meeting. */
public record InviteResult(int invited, int waitlisted, List<String> alreadyInvited) {}
