/**
 * @module notice-text
 * What the applicant reads for each status, in Russian and in English. Reasons are given by their code's
 * wording here plus the rule's own message (which names the person and the value that failed), so the notice
 * says as much as the decision does.
 */
import { formatRubles } from '../rules/exact-money.ts';
import type { Decision, ManualReviewCode, RefusalCode } from '../rules/index.ts';
import { isDecisionStatus, type ApplicationStatus } from '../store/statuses.ts';

export interface NoticeText {
  readonly subjectRu: string;
  readonly subjectEn: string;
  readonly bodyRu: string;
  readonly bodyEn: string;
}

const MEASURE: Readonly<Record<string, readonly [string, string]>> = {
  'survivor-allowance': ['ежемесячное пособие на ребёнка, потерявшего кормильца', 'monthly allowance for a child who lost a breadwinner'],
  'disabled-child-allowance': ['ежемесячное пособие на ребёнка-инвалида', 'monthly allowance for a disabled child'],
  'utility-compensation': ['компенсация расходов на оплату жилого помещения и коммунальных услуг', 'utility-cost compensation'],
  'birth-gift': ['единовременный подарок при рождении ребёнка', 'one-off gift at a child\'s birth'],
  'children-3-to-7': ['ежемесячная выплата на ребёнка в возрасте от 3 до 7 лет', 'monthly payment for a child aged 3 to 7'],
};

const STATUS: Readonly<Record<ApplicationStatus, readonly [string, string]>> = {
  received: ['Заявление принято', 'Application received'],
  'requests-sent': ['Направлены межведомственные запросы', 'Requests sent to the agencies'],
  'facts-received': ['Получены ответы ведомств', 'Agency answers received'],
  decided: ['Принято решение', 'Decision made'],
  'manual-review': ['Заявление передано специалисту', 'Application passed to an official'],
  notified: ['Уведомление направлено', 'Notice sent'],
};

const REASON_RU: Readonly<Record<RefusalCode | ManualReviewCode, string>> = {
  NOT_RESIDENT: 'нет регистрации по месту жительства в регионе',
  NO_DEATH_RECORD: 'нет записи акта о смерти',
  NO_BIRTH_RECORD: 'нет записи акта о рождении',
  DECEASED_NOT_PARENT: 'умерший не является родителем ребёнка',
  CHILD_OVER_AGE_LIMIT: 'ребёнок старше предельного возраста',
  NO_DISABILITY_RECORD: 'нет сведений об инвалидности',
  DISABILITY_NOT_VALID: 'инвалидность не действует на дату решения',
  APPLICANT_NOT_PARENT: 'заявитель не является родителем или опекуном',
  NO_VALID_DISABILITY: 'нет действующей инвалидности',
  NO_ACCOUNTS_AT_ADDRESS: 'не найдены лицевые счета по адресу регистрации',
  BIRTH_REGISTERED_OUTSIDE_REGION: 'рождение зарегистрировано за пределами региона',
  NO_PARENT_RESIDENT: 'ни один из родителей не зарегистрирован в регионе',
  APPLIED_TOO_LATE: 'пропущен срок обращения',
  ALREADY_GRANTED: 'выплата на этого ребёнка уже назначена',
  CHILD_OUTSIDE_AGE_RANGE: 'возраст ребёнка вне диапазона от 3 до 7 лет',
  INCOME_NOT_BELOW_THRESHOLD: 'среднедушевой доход семьи не ниже прожиточного минимума',
  FACT_UNAVAILABLE: 'ведомство не предоставило сведения',
  FACT_UNVERIFIED: 'подпись ответа ведомства не подтверждена',
  FAMILY_MEMBER_DATA_MISSING: 'нет сведений о доходах члена семьи',
  UTILITY_DEBT: 'задолженность по оплате жилищно-коммунальных услуг',
  STUDENT_STATUS_UNCONFIRMED: 'очное обучение не подтверждено',
  GUARDIANSHIP_UNCONFIRMED: 'опека не подтверждена',
  PARAMETERS_NOT_IN_FORCE: 'нет действующих параметров на дату заявления',
};

export function noticeText(applicationId: string, measure: string, status: ApplicationStatus, decision: Decision | undefined): NoticeText {
  const [measureRu, measureEn] = MEASURE[measure] ?? [measure, measure];
  const [statusRu, statusEn] = STATUS[status];
  const ru = [`Заявление № ${applicationId}: ${measureRu}.`, `Статус: ${statusRu}.`];
  const en = [`Application ${applicationId}: ${measureEn}.`, `Status: ${statusEn}.`];
  if (decision !== undefined && isDecisionStatus(status)) {
    if (decision.kind === 'granted') {
      const period = 'oneOff' in decision.period ? [`единовременно ${decision.period.on}`, `one-off on ${decision.period.on}`] : [`ежемесячно с ${decision.period.from}${decision.period.to === undefined ? '' : ` по ${decision.period.to}`}`, `monthly from ${decision.period.from}${decision.period.to === undefined ? '' : ` to ${decision.period.to}`}`];
      ru.push(`Решение: назначено ${formatRubles(decision.amountKopecks)} ${period[0]}.`);
      en.push(`Decision: granted ${formatRubles(decision.amountKopecks)} ${period[1]}.`);
    } else {
      ru.push(decision.kind === 'refused' ? 'Решение: отказано. Причины:' : 'Решение примет специалист. Причины:');
      en.push(decision.kind === 'refused' ? 'Decision: refused. Reasons:' : 'An official will decide. Reasons:');
      for (const reason of decision.reasons) {
        ru.push(`- ${REASON_RU[reason.code]} (${reason.code})`);
        en.push(`- ${reason.message} (${reason.code})`);
      }
    }
    const notGranted = decision.kind === 'granted' ? decision.notGranted : [];
    for (const reason of notGranted) {
      ru.push(`Не назначено: ${REASON_RU[reason.code]} (${reason.code})`);
      en.push(`Not granted: ${reason.message} (${reason.code})`);
    }
  }
  return {
    subjectRu: `${statusRu}: заявление № ${applicationId}`,
    subjectEn: `${statusEn}: application ${applicationId}`,
    bodyRu: ru.join('\n'),
    bodyEn: en.join('\n'),
  };
}
