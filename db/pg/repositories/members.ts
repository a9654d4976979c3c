// The member register has no PostgreSQL tables yet: this says so, and the register stays off on this store
// (openRegister asks `supported()` first). Every other method refuses, naming what is missing, rather than
// pretend: the SQLite repository (db/repositories/members.ts) and db/contract.ts are what a port implements.
import type { MemberRepository } from "#db/contract.ts";

const MISSING = "the member register has no PostgreSQL repository yet (see MemberRepository in db/contract.ts)";

export function memberRepositoryMissing(): MemberRepository {
  const refuse = async (): Promise<never> => {
    throw new Error(MISSING);
  };
  return {
    supported: async () => false,
    consentOf: refuse,
    recordConsent: refuse,
    get: refuse,
    holderOf: refuse,
    byCard: refuse,
    ofUnit: refuse,
    ofList: refuse,
    listSize: refuse,
    approvedInSubtree: refuse,
    countsOf: refuse,
    sealedRows: refuse,
    lists: refuse,
    list: refuse,
    review: refuse,
    resubmit: refuse,
    add: refuse,
    changeStatus: refuse,
    setCards: refuse,
    erase: refuse,
    reseal: refuse,
    createSelfInvite: refuse,
    selfInvite: refuse,
    redeemSelfInvite: refuse,
    ofAccount: refuse,
  };
}
