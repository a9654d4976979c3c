import { expect, it } from "vitest";
import { contract } from "./backends.ts";
import { policyService } from "#domain/reminder-policy.ts";
import { tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";

contract("reminders, announcements and held work", (backend) => {
  it("keeps tasks and which units have done them", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const late = await repos.reminders.addTask(t.hanoi.id, "Nộp danh sách đoàn viên ưu tú", "2026-05-20", null, NOW);
    const early = await repos.reminders.addTask(t.district.id, "Báo cáo quý II", "2026-05-10", null, NOW);
    expect(await repos.reminders.task(late)).toEqual({
      id: late,
      unitId: t.hanoi.id,
      title: "Nộp danh sách đoàn viên ưu tú",
      dueOn: "2026-05-20",
    });
    expect((await repos.reminders.tasksFor([t.nation.id, t.hanoi.id, t.district.id])).map((x) => x.id)).toEqual([
      early,
      late,
    ]);
    expect(await repos.reminders.tasksFor([])).toEqual([]);
    expect((await repos.reminders.tasksDueBetween("2026-05-01", "2026-05-15")).map((x) => x.id)).toEqual([early]);
    expect((await repos.reminders.tasksInSubtree(t.hanoi)).map((x) => x.id)).toEqual([early]);
    expect(await repos.reminders.markDone(early, t.a.id, null, NOW)).toBe(true);
    expect(await repos.reminders.markDone(early, t.a.id, null, NOW)).toBe(false);
    expect(await repos.reminders.isDone(early, t.a.id)).toBe(true);
    expect(await repos.reminders.isDone(early, t.b.id)).toBe(false);
  });

  it("keeps policies, mutes and snoozes", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("I", t.a.id, "chair", NOW, NOW);
    const person = (await repos.people.redeem(
      (await repos.people.invite("I")) as never,
      { platform: "zalo", externalId: "z", chatId: "z" },
      "Cô Ngân",
      NOW,
    )) as number;
    await repos.reminders.savePolicy(t.hanoi.id, { quietFrom: "21:00" }, NOW);
    await repos.reminders.savePolicy(t.hanoi.id, { quietFrom: "22:00", days: [7, 3] }, NOW);
    expect(await repos.reminders.policy(t.hanoi.id)).toEqual({ quietFrom: "22:00", days: [7, 3] });
    expect(await repos.reminders.policy(t.hue.id)).toBeUndefined();
    expect(await repos.reminders.allPolicies()).toEqual([{ quietFrom: "22:00", days: [7, 3] }]);
    await repos.reminders.savePolicy(t.a.id, { silentDays: 10 }, NOW);
    await repos.reminders.savePolicy(t.hue.id, { silentDays: 20 }, NOW);
    // Around the district: Hà Nội above it and unit a below it, not Huế beside it.
    const around = await repos.reminders.policiesAround(t.district.path);
    expect([...around.keys()].sort((x, y) => x - y)).toEqual([t.hanoi.id, t.a.id].sort((x, y) => x - y));
    expect(around.get(t.a.id)).toEqual({ silentDays: 10 });
    await repos.reminders.mute(person, "deadline");
    await repos.reminders.mute(person, "deadline");
    await repos.reminders.mute(person, "digest");
    await repos.reminders.unmute(person, "digest");
    expect([...(await repos.reminders.mutes(person))]).toEqual(["deadline"]);
    await repos.reminders.snooze(person, "t1", "2026-05-02T00:00:00.000Z");
    await repos.reminders.snooze(person, "t1", "2026-05-03T00:00:00.000Z");
    expect(await repos.reminders.snoozedUntil(person, "t1")).toBe("2026-05-03T00:00:00.000Z");
    expect(await repos.reminders.snoozedUntil(person, "t2")).toBeUndefined();
    expect(await repos.reminders.snoozesEnding("2026-05-02T00:00:00.000Z", "2026-05-03T00:00:00.000Z")).toEqual([
      { personId: person, ref: "t1", until: "2026-05-03T00:00:00.000Z" },
    ]);
  });

  it("gives every unit of a subtree, read at once, the policy it is given alone", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.reminders.savePolicy(t.nation.id, { silentDays: 40, remindAt: "07:30" }, NOW);
    await repos.reminders.savePolicy(t.hanoi.id, { silentDays: 20 }, NOW);
    await repos.reminders.savePolicy(t.a.id, { silentDays: 5, digestWeekday: 9 }, NOW);
    const policies = policyService(repos, "21:00-07:00");
    const policyOf = await policies.forSubtree(t.hanoi);
    for (const unit of [t.hanoi, t.district, t.a, t.b]) expect(policyOf(unit)).toEqual(await policies.of(unit));
    // The nearest change wins; a change out of range is ignored whole, as the chat's reminders ignore it.
    expect(policyOf(t.b)).toMatchObject({ silentDays: 20, remindAt: "07:30", quietHours: "21:00-07:00" });
    expect(policyOf(t.a).silentDays).toBe(20);
  });

  it("confirms and reports an announcement once, to the people of a subtree", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const people: number[] = [];
    for (const [i, u] of [t.a, t.c, t.district].entries()) {
      await repos.people.createInvite(`I${i}`, u.id, "officer", NOW, NOW);
      people.push(
        (await repos.people.redeem(
          (await repos.people.invite(`I${i}`)) as never,
          { platform: "telegram", externalId: `${i}`, chatId: `${i}` },
          `Người ${i}`,
          NOW,
        )) as number,
      );
    }
    expect(await repos.reminders.peopleInSubtree(t.hanoi)).toEqual(
      [people[0], people[2]].sort((x, y) => (x as number) - (y as number)),
    );
    expect(await repos.reminders.people(t.a.id)).toEqual([
      { personId: people[0], displayName: "Người 0", unitId: t.a.id, role: "officer" },
    ]);
    const id = await repos.reminders.createBroadcast(t.hanoi.id, "Họp ban chấp hành", people[2] as number, NOW);
    expect(await repos.reminders.unreportedBroadcasts()).toEqual([]);
    expect(await repos.reminders.confirmBroadcast(id, 2, NOW)).toBe(true);
    expect(await repos.reminders.confirmBroadcast(id, 2, NOW)).toBe(false);
    expect((await repos.reminders.unreportedBroadcasts()).map((b) => b.id)).toEqual([id]);
    expect(await repos.reminders.markReported(id, NOW)).toBe(true);
    expect(await repos.reminders.markReported(id, NOW)).toBe(false);
    expect(await repos.reminders.broadcast(id)).toEqual({
      id,
      unitId: t.hanoi.id,
      text: "Họp ban chấp hành",
      createdBy: people[2],
      createdAt: NOW,
      confirmedAt: NOW,
      recipients: 2,
      reportedAt: NOW,
    });
  });

  it("holds doubted reports and imports until settled once; keeps plans and a chat's choices", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("I", t.a.id, "chair", NOW, NOW);
    const person = (await repos.people.redeem(
      (await repos.people.invite("I")) as never,
      { platform: "zalo", externalId: "z", chatId: "z" },
      "Cô Ngân",
      NOW,
    )) as number;
    const held = await repos.pendingReports.hold(person, t.a.id, "zalo:1", '{"join":90}', NOW);
    expect(await repos.pendingReports.hold(person, t.a.id, "zalo:1", '{"join":1}', NOW)).toEqual(held);
    const newer = await repos.pendingReports.hold(person, t.a.id, "zalo:2", '{"join":80}', NOW);
    await repos.pendingReports.supersede(person, t.a.id, "zalo:2", NOW);
    expect((await repos.pendingReports.get(held.id))?.settledAt).toBe(NOW);
    expect(await repos.pendingReports.settle(held.id, NOW)).toBe(false);
    expect(await repos.pendingReports.settle(newer.id, NOW)).toBe(true);
    const imported = await repos.pendingImports.create(person, "targets", "[]", NOW);
    expect(await repos.pendingImports.get(imported)).toEqual({
      id: imported,
      personId: person,
      kind: "targets",
      payload: "[]",
      createdAt: NOW,
      settledAt: null,
    });
    expect(await repos.pendingImports.settle(imported, NOW)).toBe(true);
    expect(await repos.pendingImports.settle(imported, NOW)).toBe(false);
    // A member being entered: the person's newest open draft, filled in until it is settled.
    const older = await repos.pendingImports.create(person, "member_draft", "a", NOW);
    const draft = await repos.pendingImports.create(person, "member_draft", "b", NOW);
    expect((await repos.pendingImports.latestOpen(person, "member_draft"))?.id).toBe(draft);
    expect(await repos.pendingImports.replacePayload(draft, "c")).toBe(true);
    expect((await repos.pendingImports.get(draft))?.payload).toBe("c");
    await repos.pendingImports.settle(draft, NOW);
    expect(await repos.pendingImports.replacePayload(draft, "d")).toBe(false);
    expect((await repos.pendingImports.latestOpen(person, "member_draft"))?.id).toBe(older);
    expect(await repos.pendingImports.latestOpen(person, "targets")).toBeUndefined();
    // A confirmed import is staged once, counts its rows as they are written, and is finished.
    const confirmed = await repos.pendingImports.create(person, "targets", "[]", NOW);
    expect(await repos.pendingImports.stage(confirmed, NOW, '{"today":"2026-05-02"}')).toBe(true);
    expect(await repos.pendingImports.stage(confirmed, NOW, "{}")).toBe(false);
    await repos.pendingImports.advance(confirmed, 400);
    expect(await repos.pendingImports.unfinished()).toEqual([
      { id: confirmed, staged: '{"today":"2026-05-02"}', appliedRows: 400 },
    ]);
    expect((await repos.pendingImports.get(confirmed))?.settledAt).toBe(NOW);
    await repos.pendingImports.finish(confirmed);
    expect(await repos.pendingImports.unfinished()).toEqual([]);
    const plan = {
      number: "39/KH-LĐLĐ",
      title: "Kế hoạch phát triển đoàn viên",
      unitId: t.hanoi.id,
      issuedOn: null,
      periodFrom: "2023",
      periodTo: "2028",
    };
    const planId = await repos.plans.save(plan);
    expect(await repos.plans.save({ ...plan, title: "Kế hoạch (sửa)" })).toBe(planId);
    expect(await repos.plans.byNumber(" 39/KH-LĐLĐ ")).toEqual([{ id: planId, ...plan, title: "Kế hoạch (sửa)" }]);
    expect(await repos.plans.byId(planId + 1)).toBeUndefined();
    const choices = [
      { label: "Ba Đình", action: "unit:1" },
      { label: "Đống Đa", action: "unit:2" },
    ];
    await repos.chatChoices.remember("zalo", "z", choices, NOW);
    expect(await repos.chatChoices.recall("zalo", "z", NOW)).toEqual(choices);
    expect(await repos.chatChoices.recall("zalo", "z", "2026-05-03T03:00:00.000Z")).toBeUndefined();
    await repos.chatChoices.remember("zalo", "z", [], NOW);
    expect(await repos.chatChoices.recall("zalo", "z", NOW)).toBeUndefined();
  });
});
