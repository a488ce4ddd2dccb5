package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.PathDraft;
import fr.passerelle.training.TrainingFixture;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingTrainingPathsTest {
  @TempDir Path dir;

  @Test
  void aTrainingInformationMeetingShowsThePathsStartedFromItAndOnlyThose() {
    try (Services s = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL)) {
      UUID info = TrainingFixture.trainingMeeting(s, "Info POEI caristes");
      UUID other = TrainingFixture.trainingMeeting(s, "Info CPF soudeurs");
      UUID lea = TrainingFixture.candidate(s, "Martin", "Léa");
      UUID paul = TrainingFixture.candidate(s, "Durand", "Paul");
      s.training()
          .create(
              from(TrainingFixture.draft(lea, FundingScheme.POEI, 400), info), null, null, null);
      s.training()
          .create(
              from(TrainingFixture.draft(paul, FundingScheme.CPF, 100), other), null, null, null);
      s.training().create(TrainingFixture.draft(paul, FundingScheme.AIF, 200), null, null, null);

      assertThat(s.meetings().trainingPaths(info))
          .extracting(LinkedPath::candidateName, LinkedPath::title, LinkedPath::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("MARTIN Léa", "Cariste CACES R489", "IDEA"));
      assertThat(s.meetings().trainingPaths(other))
          .extracting(LinkedPath::candidateName)
          .containsExactly("DURAND Paul");
    }
  }

  private static PathDraft from(PathDraft d, UUID meeting) {
    return new PathDraft(
        d.candidateId(),
        d.counselorId(),
        d.fromRomeCode(),
        d.targetRomeCode(),
        d.title(),
        d.provider(),
        d.place(),
        d.hours(),
        d.startsOn(),
        d.endsOn(),
        d.scheme(),
        d.amount(),
        d.offerId(),
        d.employerId(),
        meeting);
  }
}
