// The pure rules: no I/O, nothing of the app imported. Core and renderer both use them.
export * from './identifiers';
export * from './workingDays';
export * from './domain';
export * from './caseStatus';
export * from './completeness';
export * from './messageTemplates';
export * from './gridWork';
export * from './installerCheck';
export * from './money';
export * from './priceList';
export * from './offerCalculation';
export * from './standardOfferLines';
