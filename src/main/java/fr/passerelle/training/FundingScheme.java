package fr.passerelle.training;

/** How a training is funded. The conditions of each are data: see {@link FundingRule}. */
public enum FundingScheme {
  POEI,
  POEC,
  AIF,
  CPF,
  CDPI,
  CPRO_INTERIM,
  PRO_A,
  REGION,
  OTHER
}
