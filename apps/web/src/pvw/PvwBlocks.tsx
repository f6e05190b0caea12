import {
  type DocumentBlock,
  type ProgrammaVanWaarden,
  pvwToBlocks,
  waardenkompasSvg,
} from '@waardentafel/domain'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { uniqueKeys } from './uniqueKeys.ts'

type Props = { pvw: ProgrammaVanWaarden; onSources: (ids: string[]) => void }

/** The document outline the exports are made of, rendered as accessible HTML; lines link to their cards. */
export function PvwBlocks({ pvw, onSources }: Props) {
  const { t } = useTranslation()
  const blocks = useMemo(() => pvwToBlocks(pvw), [pvw])
  const kompas = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(waardenkompasSvg(pvw.waardenkompas, 360))}`,
    [pvw],
  )
  const sourceButton = (sources: string[]) =>
    sources.length > 0 ? (
      <button type="button" className="wt-link-button" onClick={() => onSources(sources)}>
        {t('pvw.showCards', { count: sources.length })}
      </button>
    ) : null
  return (
    <div className="wt-pvw-doc">
      {uniqueKeys(blocks, blockKey).map(({ key, item: block }) => (
        <Block
          key={key}
          block={block}
          kompas={kompas}
          sourceButton={sourceButton}
          kompasAlt={t('pvw.kompasAlt')}
        />
      ))}
    </div>
  )
}

function Block({
  block,
  kompas,
  kompasAlt,
  sourceButton,
}: {
  block: DocumentBlock
  kompas: string
  kompasAlt: string
  sourceButton: (sources: string[]) => React.ReactNode
}) {
  switch (block.kind) {
    case 'heading': {
      const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5'
      return <Tag>{block.text}</Tag>
    }
    case 'paragraph':
      return (
        <p>
          {block.label && <strong>{block.label}: </strong>}
          {block.text} {sourceButton(block.sources)}
        </p>
      )
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul'
      return (
        <List>
          {uniqueKeys(block.items, (item) => item.text).map(({ key, item }) => (
            <li key={key}>
              {item.text} {sourceButton(item.sources)}
            </li>
          ))}
        </List>
      )
    }
    case 'table':
      return (
        <div className="wt-table-scroll">
          <table>
            <thead>
              <tr>
                {block.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {uniqueKeys(block.rows, (row) => row.cells.join('|')).map(({ key, item: row }) => (
                <tr key={key}>
                  {uniqueKeys(row.cells, (cell) => cell).map(({ key: cellKey, item: cell }) => (
                    <td key={cellKey}>{cell}</td>
                  ))}
                  <td>{sourceButton(row.sources)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )
    case 'kompas':
      return <img className="wt-kompas" src={kompas} alt={kompasAlt} width={360} height={360} />
  }
}

function blockKey(block: DocumentBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return `${block.kind}:${block.text}`
    case 'list':
      return `list:${block.items[0]?.text ?? ''}`
    case 'table':
      return `table:${block.header.join('|')}`
    case 'kompas':
      return 'kompas'
  }
}
