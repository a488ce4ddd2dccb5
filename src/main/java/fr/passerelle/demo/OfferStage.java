package fr.passerelle.demo;

import fr.passerelle.db.jooq.tables.records.EmployerRecord;
import fr.passerelle.db.jooq.tables.records.JobOfferRecord;
import fr.passerelle.demo.OfferFactory.DemoEmployer;
import fr.passerelle.demo.OfferFactory.DemoOffer;

/** Streams the employers, then the job offers, into the sink. */
final class OfferStage {
  private final DemoWorld world;
  private final OfferFactory factory;

  OfferStage(DemoWorld world, OfferFactory factory) {
    this.world = world;
    this.factory = factory;
  }

  void run(RowSink sink, Runnable tick) {
    for (int e = 0; e < world.employers; e++) {
      DemoEmployer d = factory.employer(e);
      EmployerRecord r = new EmployerRecord();
      r.setId(d.id());
      r.setName(d.name());
      r.setSiret(d.siret());
      r.setCommuneCode(d.commune().code());
      r.setContactName(d.contactName());
      r.setContactEmail(d.contactEmail());
      r.setContactPhone(d.contactPhone());
      sink.add(r);
      tick.run();
    }
    for (int j = 0; j < world.offers; j++) {
      DemoOffer o = factory.offer(j);
      JobOfferRecord r = new JobOfferRecord();
      r.setId(o.id());
      r.setOfficeId(world.office(o.office()).id());
      r.setEmployerId(world.seeds.id(Seeds.EMPLOYER, o.employer()));
      r.setTitle(o.title());
      r.setRomeCode(o.occupation().romeCode());
      r.setCommuneCode(o.commune().code());
      r.setContract(o.contract());
      r.setPositions(o.positions());
      r.setOpenedOn(o.openedOn());
      r.setClosedOn(o.closedOn());
      r.setSource(o.source());
      r.setHardToFillOverride(o.hardToFillOverride());
      r.setOverrideReason(o.overrideReason());
      r.setDescription(
          o.title()
              + " à "
              + o.commune().name()
              + " ("
              + o.commune().postalCode()
              + "). Contrat "
              + o.contract().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
              + ", "
              + o.positions()
              + (o.positions() > 1 ? " postes." : " poste."));
      sink.add(r);
      tick.run();
    }
  }
}
